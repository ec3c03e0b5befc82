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
import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;

/**
 * Decides whether a request targets a guarded metrics path: one of the configured paths
 * or anything below it.
 * <p>
 * The decision is made on the request's already parsed path within the application,
 * comparing decoded segment values with their matrix parameters removed, exactly the
 * values Spring's router matches on. {@code /metrics;x=y}, {@code /%6Detrics} and
 * {@code //metrics} are therefore all metrics paths, and so is {@code /metrics} below a
 * configured base path. Segments are compared ignoring case: an application may route
 * case-insensitively, and on one that does not, guarding {@code /METRICS} only turns a
 * 404 into a 401. Matching does not allocate, because it runs for every request.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsPathMatcher {

	private final List<String> paths;

	private final String[][] guardedPaths;

	/**
	 * Create a matcher for the given paths, each of which is guarded together with
	 * everything below it.
	 * @param paths absolute paths such as {@code /metrics} or
	 * {@code /actuator/prometheus}
	 */
	public MetricsPathMatcher(Collection<String> paths) {
		Assert.notEmpty(paths, "At least one metrics path is required");
		this.paths = List.copyOf(paths);
		List<String[]> segmented = new ArrayList<>(paths.size());
		for (String path : paths) {
			segmented.add(segments(path));
		}
		this.guardedPaths = segmented.toArray(String[][]::new);
	}

	private static String[] segments(String path) {
		Assert.isTrue(path.startsWith("/"), () -> "Metrics path '" + path + "' must start with '/'");
		List<String> segments = new ArrayList<>();
		for (Element element : PathContainer.parsePath(path).elements()) {
			if (element instanceof PathSegment segment && !isCurrentDirectory(segment.valueToMatch())) {
				segments.add(segment.valueToMatch());
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
	 * Return whether the request targets a guarded path.
	 * @param request the request
	 * @return {@code true} if the request needs to be authenticated
	 */
	public boolean matches(ServerHttpRequest request) {
		RequestPath path;
		try {
			path = request.getPath();
		}
		catch (IllegalArgumentException ex) {
			// A context path that ends inside a segment (/manage;x=y/... below /manage):
			// no router can route it either, so guard it rather than guess.
			return true;
		}
		return matches(path.pathWithinApplication());
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
	 * @param leadingSegments how many segments to pass over first, such as those of a
	 * servlet mapping's path prefix
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matches(PathContainer pathWithinApplication, int leadingSegments) {
		List<Element> elements = pathWithinApplication.elements();
		for (String[] guardedPath : this.guardedPaths) {
			if (startsWith(elements, leadingSegments, guardedPath)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether a path that needs no decoding (no {@code %} and no {@code ;}) is a
	 * guarded path or below one, without parsing it: a servlet request URI as received.
	 * Allocation-free.
	 * @param path the path, such as a servlet request's URI
	 * @param from where the path within the application starts, after the context path
	 * @param leadingSegments how many segments to pass over first, such as those of a
	 * servlet mapping's path prefix
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matchesPlainPath(String path, int from, int leadingSegments) {
		for (String[] guardedPath : this.guardedPaths) {
			if (startsWith(path, from, leadingSegments, guardedPath)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether the path made of two paths that need no decoding, one after the
	 * other, is a guarded path or below one, without joining them: a servlet request's
	 * servlet path and path info, as the container maps them. Allocation-free.
	 * @param first the first part, such as a servlet path
	 * @param second the part that follows, such as a path info
	 * @return {@code true} if the path needs to be authenticated
	 */
	public boolean matchesPlainPath(String first, String second) {
		for (String[] guardedPath : this.guardedPaths) {
			int matched = matchedSegments(first, 0, 0, guardedPath, 0);
			if (matched == guardedPath.length
					|| (matched >= 0 && matchedSegments(second, 0, 0, guardedPath, matched) == guardedPath.length)) {
				return true;
			}
		}
		return false;
	}

	// Indexed loops: an iterator would be an allocation on every request.
	private static boolean startsWith(List<Element> elements, int leadingSegments, String[] guardedPath) {
		int passed = 0;
		int matched = 0;
		for (int i = 0; i < elements.size() && matched < guardedPath.length; i++) {
			Element element = elements.get(i);
			if (isSeparator(element)) {
				continue;
			}
			String value = ((PathSegment) element).valueToMatch();
			if (value.isEmpty() || isCurrentDirectory(value)) {
				// The router would not resolve them, but a normalising container, router
				// (Spring's AntPathMatcher) or proxy might: /;/metrics, /./metrics.
				continue;
			}
			if (passed < leadingSegments) {
				passed++;
				continue;
			}
			if (!value.equalsIgnoreCase(guardedPath[matched])) {
				return false;
			}
			matched++;
		}
		return matched == guardedPath.length;
	}

	// The same walk over the characters of a path that needs no decoding.
	private static boolean startsWith(String path, int from, int leadingSegments, String[] guardedPath) {
		return matchedSegments(path, from, leadingSegments, guardedPath, 0) == guardedPath.length;
	}

	// How many of the guarded path's segments are matched once the path's segments are
	// compared with those after the first alreadyMatched, or -1 if one differs.
	private static int matchedSegments(String path, int from, int leadingSegments, String[] guardedPath,
			int alreadyMatched) {
		int passed = 0;
		int matched = alreadyMatched;
		int start = from;
		while (start <= path.length() && matched < guardedPath.length) {
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = path.length();
			}
			int length = end - start;
			boolean empty = length == 0 || (length == 1 && path.charAt(start) == '.');
			if (!empty && passed < leadingSegments) {
				passed++;
			}
			else if (!empty) {
				String guarded = guardedPath[matched];
				if (length != guarded.length() || !path.regionMatches(true, start, guarded, 0, length)) {
					return -1;
				}
				matched++;
			}
			start = end + 1;
		}
		return matched;
	}

	// A separator's value is "/" and a segment's never is (an encoded slash stays
	// "%2F"). Cheaper than a failing instanceof, which the JVM does not cache.
	private static boolean isSeparator(Element element) {
		String value = element.value();
		return value.length() == 1 && value.charAt(0) == '/';
	}

	private static boolean isCurrentDirectory(String segment) {
		return ".".equals(segment);
	}

	@Override
	public String toString() {
		return "MetricsPathMatcher" + this.paths;
	}

}
