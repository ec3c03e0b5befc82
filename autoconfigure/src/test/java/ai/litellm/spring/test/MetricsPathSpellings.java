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

package ai.litellm.spring.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Systematically generated spellings of metrics paths, as request targets to send byte
 * for byte (see {@link RawHttpClient}): the sample apps' router-equivalence tests send
 * each one to the app without the guard, to learn which ones the router serves as
 * metrics, and to the guarded app, where each of those must be rejected.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class MetricsPathSpellings {

	/**
	 * The paths the sample apps serve metrics on.
	 */
	public static final List<String> SAMPLE_APP_PATHS = List.of("/metrics", "/actuator/prometheus");

	private MetricsPathSpellings() {
	}

	/**
	 * Spellings of the given paths: every character percent-encoded in upper and lower
	 * case, matrix parameters on every segment, empty and dot segments, trailing and
	 * duplicate slashes, case changes, query and fragment, encoded separators (also in
	 * front of and between the segments), a last segment with an extension, and
	 * absolute-form request targets.
	 * @param paths the paths, each starting with a slash
	 * @return the spellings, the paths themselves first, without duplicates
	 */
	public static Set<String> of(List<String> paths) {
		Set<String> spellings = new LinkedHashSet<>();
		for (String path : paths) {
			spellings.add(path);
			for (int i = 0; i < path.length(); i++) {
				String encoded = String.format("%%%02X", (int) path.charAt(i));
				spellings.add(path.substring(0, i) + encoded + path.substring(i + 1));
				spellings.add(path.substring(0, i) + encoded.toLowerCase(Locale.ROOT) + path.substring(i + 1));
			}
			spellings.add(encodeAllButSlashes(path));
			String[] segments = path.substring(1).split("/");
			for (int i = 0; i < segments.length; i++) {
				spellings.add(withSegment(segments, i, segments[i] + ";a=b"));
				spellings.add(withSegment(segments, i, segments[i] + ";"));
				spellings.add(withSegment(segments, i, segments[i] + ";a=b;c"));
				spellings.add(withSegment(segments, i, capitalize(segments[i])));
				spellings.add(withSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
				spellings.add(withSegment(segments, i, "./" + segments[i]));
				spellings.add(withSegment(segments, i, "%2E/" + segments[i]));
				spellings.add(withSegment(segments, i, "x/../" + segments[i]));
				spellings.add(withSegment(segments, i, "x/%2E%2E/" + segments[i]));
				spellings.add(withSegment(segments, i, "/" + segments[i]));
				spellings.add(withSegment(segments, i, segments[i] + "%20"));
				spellings.add(withSegment(segments, i, segments[i] + "%00"));
				spellings.add(withSegment(segments, i, "%2F" + segments[i]));
			}
			spellings.add(String.join(";p/", path.split("/")).substring(2) + ";p");
			spellings.add(path + "/");
			spellings.add(path + "//");
			spellings.add(path + "/.");
			spellings.add(path + "/..");
			spellings.add(path + "/x");
			spellings.add(path + "%2F");
			spellings.add(path + "%2Fx");
			spellings.add("/" + path);
			spellings.add("//" + path);
			spellings.add(path + "?");
			spellings.add(path + "?x=1");
			spellings.add(path + "?" + path);
			spellings.add(path + "#x");
			spellings.add(path + ";jsessionid=1?x");
			spellings.add(path.replace('/', '\\'));
			spellings.add(path.replace("/", "%5C"));
			spellings.add("/%256D" + path.substring(2));
			spellings.add(path.toUpperCase(Locale.ROOT));
			spellings.add("http://localhost" + path);
			spellings.add("http://localhost:1" + path);
			spellings.add("HTTP://LOCALHOST" + path);
			spellings.add("http://localhost" + encodeAllButSlashes(path));
			spellings.add("http://user@localhost" + path + ";a=b");
			addExtensions(spellings, path);
			addEncodedSlashes(spellings, path);
		}
		return spellings;
	}

	// A last segment with an extension: what Spring MVC's legacy suffix pattern matching
	// routes to the handler of the path.
	private static void addExtensions(Set<String> spellings, String path) {
		spellings.add(path + ".txt");
		spellings.add(path + ".json");
		spellings.add(path + ".x");
		spellings.add(path + ".");
		spellings.add(path + "%2Etxt");
		spellings.add(path + ".txt;a=b");
		spellings.add(encodeFirstCharacter(path, "%%%02X") + ".txt");
	}

	// Encoded slashes in front of and between the segments: a container may pass them
	// through, and Spring MVC's legacy Ant path matcher decodes the whole path before it
	// splits it, so /%2Fmetrics is routed as //metrics.
	private static void addEncodedSlashes(Set<String> spellings, String path) {
		spellings.add("/%2F" + path.substring(1));
		spellings.add("/%2f" + path.substring(1));
		spellings.add("/%2F" + path);
		spellings.add("/%2F" + encodeFirstCharacter(path, "%%%02x"));
		spellings.add("/%2F" + path + ";x=1");
		spellings.add("/%2F%2F" + path.substring(1));
		for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
			spellings.add(path.substring(0, slash) + "%2F" + path.substring(slash + 1));
			spellings.add(path.substring(0, slash) + "%2f" + path.substring(slash + 1));
			spellings.add(path.substring(0, slash) + "/%2F" + path.substring(slash + 1));
		}
	}

	private static String encodeFirstCharacter(String path, String format) {
		return "/" + String.format(format, (int) path.charAt(1)) + path.substring(2);
	}

	/**
	 * The {@link #of(List) spellings} of the given paths plus those that servlet
	 * containers are known to treat specially: path parameters on an empty or a dot
	 * segment ({@code /;/metrics}, {@code /x/..;/metrics}), session ids, dot segments
	 * above the root, lower-case encoded dots, encoded semicolons and backslashes mixed
	 * with slashes.
	 * @param paths the paths, each starting with a slash
	 * @return the spellings, without duplicates
	 */
	public static Set<String> withServletSpellings(List<String> paths) {
		Set<String> spellings = of(paths);
		for (String path : paths) {
			String[] segments = path.substring(1).split("/");
			for (int i = 0; i < segments.length; i++) {
				spellings.add(withSegment(segments, i, ";/" + segments[i]));
				spellings.add(withSegment(segments, i, ";a=b/" + segments[i]));
				spellings.add(withSegment(segments, i, ".;/" + segments[i]));
				spellings.add(withSegment(segments, i, "../" + segments[i]));
				spellings.add(withSegment(segments, i, "..;/" + segments[i]));
				spellings.add(withSegment(segments, i, "x/..;/" + segments[i]));
				spellings.add(withSegment(segments, i, "x;a=b/../" + segments[i]));
				spellings.add(withSegment(segments, i, "x/%2e%2e/" + segments[i]));
				spellings.add(withSegment(segments, i, "x/.%2E/" + segments[i]));
				spellings.add(withSegment(segments, i, "x/..%2F" + segments[i]));
				spellings.add(withSegment(segments, i, "x%2F..%2F" + segments[i]));
				spellings.add(withSegment(segments, i, "x/..\\" + segments[i]));
				spellings.add(withSegment(segments, i, "x\\..\\" + segments[i]));
				spellings.add(withSegment(segments, i, "%2f" + segments[i]));
				spellings.add(withSegment(segments, i, "\\" + segments[i]));
				spellings.add(withSegment(segments, i, segments[i] + "%3Ba=b"));
				spellings.add(withSegment(segments, i, segments[i] + ";jsessionid=x"));
			}
			spellings.add(path + ";jsessionid=x");
			spellings.add(path + "/;");
			spellings.add(path + "/;a=b");
			spellings.add(path + "/.;");
			spellings.add(path + "%3B");
			spellings.add(path + "%2e");
			spellings.add(path + "/%2e");
			spellings.add(path + "/./");
			spellings.add(path + "\\");
			spellings.add("/./" + path.substring(1));
			spellings.add("/../" + path.substring(1));
			spellings.add("/x/../" + path.substring(1));
			spellings.add("///" + path.substring(1));
			spellings.add(path.replace("/", "//"));
			spellings.add(path.replace("/", "/./"));
			spellings.add(path.replace("/", "/;/"));
			spellings.add(path.replace("/", "%2F"));
			spellings.add(path.replace("/", "%2f"));
		}
		return spellings;
	}

	private static String withSegment(String[] segments, int index, String replacement) {
		String[] copy = segments.clone();
		copy[index] = replacement;
		return "/" + String.join("/", copy);
	}

	private static String encodeAllButSlashes(String path) {
		StringBuilder encoded = new StringBuilder();
		for (char c : path.toCharArray()) {
			encoded.append((c == '/') ? "/" : String.format("%%%02X", (int) c));
		}
		return encoded.toString();
	}

	private static String capitalize(String segment) {
		return Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
	}

}
