/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package ai.litellm.spring.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.util.Assert;

/**
 * Decides whether a request targets a guarded metrics path: one of the configured paths
 * or anything below it.
 * <p>
 * It compares the decoded segment values without matrix parameters, the values Spring's
 * router matches on, so {@code /metrics;x=y}, {@code /%6Detrics} and {@code //metrics}
 * are all metrics paths. Segments are compared ignoring case (guarding {@code /METRICS}
 * at worst turns a 404 into a 401), and a last segment also with an extension
 * ({@code /metrics.txt}, which legacy suffix pattern matching routes). Configured paths
 * are taken literally, as Spring maps them. Matching does not allocate: only a request
 * whose first segment can start a guarded path is walked further.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsPathMatcher {

	private final List<String> paths;

	private final String[][] guardedPaths;

	private final String[] firstSegments;

	// Whether a first segment is also the last of a guarded path, so takes an extension.
	private final boolean[] firstSegmentIsLast;

	// Bit n set for a first segment of n characters (n < 64), and the shortest first
	// segment that takes an extension: most segments of a request are told apart by their
	// length alone, without reaching for the guarded strings, which on a busy server are
	// rarely in the processor's cache.
	private final long firstSegmentLengths;

	private final int shortestExtensibleFirstSegment;

	/**
	 * Create a matcher for the given paths, each guarded with everything below it.
	 * @param paths absolute paths such as {@code /actuator/prometheus}
	 */
	public MetricsPathMatcher(Collection<String> paths) {
		Assert.notEmpty(paths, "At least one metrics path is required");
		this.paths = List.copyOf(paths);
		List<String[]> segmented = new ArrayList<>(paths.size());
		Map<String, Boolean> firstSegments = new LinkedHashMap<>();
		for (String path : paths) {
			String[] segments = segments(path);
			segmented.add(segments);
			firstSegments.merge(segments[0], segments.length == 1, Boolean::logicalOr);
		}
		this.guardedPaths = segmented.toArray(String[][]::new);
		this.firstSegments = firstSegments.keySet().toArray(String[]::new);
		this.firstSegmentIsLast = new boolean[this.firstSegments.length];
		long lengths = 0;
		int shortestExtensible = Integer.MAX_VALUE;
		for (int i = 0; i < this.firstSegments.length; i++) {
			int length = this.firstSegments[i].length();
			this.firstSegmentIsLast[i] = firstSegments.get(this.firstSegments[i]);
			if (length < 64) {
				lengths |= 1L << length;
			}
			if (this.firstSegmentIsLast[i]) {
				shortestExtensible = Math.min(shortestExtensible, length);
			}
		}
		this.firstSegmentLengths = lengths;
		this.shortestExtensibleFirstSegment = shortestExtensible;
	}

	private static String[] segments(String path) {
		Assert.isTrue(path.startsWith("/"), () -> "Metrics path '" + path + "' must start with '/'");
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!isSkipped(segment)) {
				segments.add(segment);
			}
		}
		Assert.isTrue(!segments.isEmpty(), () -> "Metrics path '" + path + "' must not be the root path");
		return segments.toArray(String[]::new);
	}

	/**
	 * Return the guarded paths, as given.
	 * @return the paths
	 */
	public List<String> getPaths() {
		return this.paths;
	}

	/**
	 * Return whether the path is a guarded path or below one.
	 * @param pathWithinApplication the parsed path within the application
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matches(PathContainer pathWithinApplication) {
		return matches(pathWithinApplication, 0);
	}

	/**
	 * Return whether the path, after some leading segments, is a guarded path or below
	 * one.
	 * @param pathWithinApplication the parsed path within the application
	 * @param leadingSegments how many segments to pass over first (a servlet prefix's)
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matches(PathContainer pathWithinApplication, int leadingSegments) {
		String value = pathWithinApplication.value();
		if (value.indexOf('%') == -1 && value.indexOf(';') == -1) {
			// Nothing to decode: the characters are the values, walked without casts.
			return matchesPlainPath(value, 0, leadingSegments);
		}
		List<Element> elements = pathWithinApplication.elements();
		int first = firstSegment(elements, leadingSegments);
		if (first == -1 || !isFirstSegment(((PathSegment) elements.get(first)).valueToMatch())) {
			return false;
		}
		for (String[] guardedPath : this.guardedPaths) {
			if (startsWith(elements, first, guardedPath)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether a path could hold a guarded path wherever the path within the
	 * application starts, so that most requests pass without parsing.
	 * @param path the path as received, such as a request URI's raw path
	 * @return {@code false} if it needs no decoding, holds no backslash (which a
	 * container may take for a separator) and no segment can start a guarded path
	 */
	public boolean mayHoldGuardedPath(String path) {
		// One pass over the characters: most paths are short, and each scan has its cost.
		int start = 0;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '%' || c == ';' || c == '\\') {
				return true;
			}
			if (c == '/') {
				if (isFirstSegment(path, start, i - start)) {
					return true;
				}
				start = i + 1;
			}
		}
		return isFirstSegment(path, start, path.length() - start);
	}

	/**
	 * Return whether a path that needs no decoding (no {@code %} and no {@code ;}) is a
	 * guarded path or below one, without parsing it.
	 * @param path the path, such as a servlet request's URI
	 * @param from where the path within the application starts
	 * @param leadingSegments how many segments to pass over first (a servlet prefix's)
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matchesPlainPath(String path, int from, int leadingSegments) {
		int first = firstSegment(path, from, leadingSegments);
		if (first == -1 || !isFirstSegment(path, first)) {
			return false;
		}
		for (String[] guardedPath : this.guardedPaths) {
			if (matchedSegments(path, first, guardedPath, 0) == guardedPath.length) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether two paths that need no decoding, one after the other (a servlet path
	 * and path info), make a guarded path or one below it, without joining them.
	 * @param first the first part, such as a servlet path
	 * @param second the part that follows, such as a path info
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matchesPlainPath(String first, String second) {
		int start = firstSegment(first, 0, 0);
		boolean candidate;
		if (start != -1) {
			candidate = isFirstSegment(first, start);
		}
		else {
			start = firstSegment(second, 0, 0);
			candidate = start != -1 && isFirstSegment(second, start);
		}
		if (!candidate) {
			return false;
		}
		for (String[] guardedPath : this.guardedPaths) {
			int matched = matchedSegments(first, 0, guardedPath, 0);
			if (matched == guardedPath.length
					|| (matched >= 0 && matchedSegments(second, 0, guardedPath, matched) == guardedPath.length)) {
				return true;
			}
		}
		return false;
	}

	private boolean isFirstSegment(String value) {
		return isFirstSegment(value, 0, value.length());
	}

	private boolean isFirstSegment(String path, int start) {
		return isFirstSegment(path, start, segmentEnd(path, start) - start);
	}

	private boolean isFirstSegment(String path, int start, int length) {
		if (length < 64 && (this.firstSegmentLengths & (1L << length)) == 0
				&& length <= this.shortestExtensibleFirstSegment) {
			return false;
		}
		for (int i = 0; i < this.firstSegments.length; i++) {
			if (matchesSegment(path, start, length, this.firstSegments[i], this.firstSegmentIsLast[i])) {
				return true;
			}
		}
		return false;
	}

	// Equal ignoring case, or, for a last segment, followed by an extension (/metrics.*).
	private static boolean matchesSegment(String path, int start, int length, String guarded, boolean last) {
		int guardedLength = guarded.length();
		if (length == guardedLength) {
			return path.regionMatches(true, start, guarded, 0, length);
		}
		return last && length > guardedLength && path.charAt(start + guardedLength) == '.'
				&& path.regionMatches(true, start, guarded, 0, guardedLength);
	}

	// The index of the first segment that counts after the leading ones, or -1. Indexed
	// loops: an iterator would allocate on every request.
	private static int firstSegment(List<Element> elements, int leadingSegments) {
		int passed = 0;
		for (int i = 0; i < elements.size(); i++) {
			Element element = elements.get(i);
			if (!isSeparator(element) && !isSkipped(((PathSegment) element).valueToMatch())
					&& passed++ >= leadingSegments) {
				return i;
			}
		}
		return -1;
	}

	private static boolean startsWith(List<Element> elements, int from, String[] guardedPath) {
		int matched = 0;
		for (int i = from; i < elements.size() && matched < guardedPath.length; i++) {
			Element element = elements.get(i);
			if (isSeparator(element)) {
				continue;
			}
			String value = ((PathSegment) element).valueToMatch();
			if (isSkipped(value)) {
				continue;
			}
			if (!matchesSegment(value, 0, value.length(), guardedPath[matched], matched == guardedPath.length - 1)) {
				return false;
			}
			matched++;
		}
		return matched == guardedPath.length;
	}

	// The same over the characters of a path that needs no decoding.
	private static int firstSegment(String path, int from, int leadingSegments) {
		int passed = 0;
		int start = from;
		while (start < path.length()) {
			int end = segmentEnd(path, start);
			if (!isSkipped(path, start, end) && passed++ >= leadingSegments) {
				return start;
			}
			start = end + 1;
		}
		return -1;
	}

	// How many guarded segments match, continuing after alreadyMatched, or -1 if one
	// differs.
	private static int matchedSegments(String path, int start, String[] guardedPath, int alreadyMatched) {
		int matched = alreadyMatched;
		int segmentStart = start;
		while (segmentStart <= path.length() && matched < guardedPath.length) {
			int end = segmentEnd(path, segmentStart);
			if (!isSkipped(path, segmentStart, end)) {
				if (!matchesSegment(path, segmentStart, end - segmentStart, guardedPath[matched],
						matched == guardedPath.length - 1)) {
					return -1;
				}
				matched++;
			}
			segmentStart = end + 1;
		}
		return matched;
	}

	private static int segmentEnd(String path, int start) {
		int end = path.indexOf('/', start);
		return (end < 0) ? path.length() : end;
	}

	// A segment's value is never "/" (an encoded slash stays "%2F"). Cheaper than a
	// failing instanceof, which the JVM does not cache.
	private static boolean isSeparator(Element element) {
		String value = element.value();
		return value.length() == 1 && value.charAt(0) == '/';
	}

	// Segments the router would not resolve, but a normalising container, router
	// (Spring's AntPathMatcher) or proxy might: /;/metrics, /./metrics.
	private static boolean isSkipped(String segment) {
		return segment.isEmpty() || (segment.length() == 1 && segment.charAt(0) == '.');
	}

	private static boolean isSkipped(String path, int start, int end) {
		return end == start || (end - start == 1 && path.charAt(start) == '.');
	}

	@Override
	public String toString() {
		return "MetricsPathMatcher" + this.paths;
	}

}
