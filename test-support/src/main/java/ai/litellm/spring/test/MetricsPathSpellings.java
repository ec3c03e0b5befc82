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
 * for byte (see {@link RawHttpClient}).
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class MetricsPathSpellings {

	/**
	 * The paths the sample apps serve metrics on.
	 */
	public static final List<String> SAMPLE_APP_PATHS = List.of("/metrics", "/actuator/prometheus");

	// Each %s is one segment: matrix parameters, dot segments, encoded separators.
	private static final List<String> SEGMENT_FORMS = List.of("%s;a=b", "%s;", "%s;a=b;c", "./%s", "%%2E/%s", "x/../%s",
			"x/%%2E%%2E/%s", "/%s", "%s%%20", "%s%%00", "%%2F%s");

	// Each %s is the path: trailing and duplicate slashes, query and fragment, an
	// extension (what Spring MVC's legacy suffix pattern matching routes), encoded
	// slashes in front of it (Spring MVC's Ant path matcher decodes the whole path
	// before it splits it, so /%2Fmetrics is routed as //metrics), absolute form.
	private static final List<String> PATH_FORMS = List.of("%s/", "%s//", "%s/.", "%s/..", "%s/x", "%s%%2F", "%s%%2Fx",
			"/%s", "//%s", "%s?", "%s?x=1", "%s?%1$s", "%s#x", "%s;jsessionid=1?x", "%s.txt", "%s.json", "%s.x", "%s.",
			"%s%%2Etxt", "%s.txt;a=b", "/%%2F%s", "/%%2F%s;x=1", "http://localhost%s", "http://localhost:1%s",
			"HTTP://LOCALHOST%s", "http://user@localhost%s;a=b");

	// Containers treat these specially: path parameters on an empty or a dot segment,
	// session ids, dot segments above the root, encoded dots, semicolons, backslashes.
	private static final List<String> SERVLET_SEGMENT_FORMS = List.of(";/%s", ";a=b/%s", ".;/%s", "../%s", "..;/%s",
			"x/..;/%s", "x;a=b/../%s", "x/%%2e%%2e/%s", "x/.%%2E/%s", "x/..%%2F%s", "x%%2F..%%2F%s", "x/..\\%s",
			"x\\..\\%s", "%%2f%s", "\\%s", "%s%%3Ba=b", "%s;jsessionid=x");

	private static final List<String> SERVLET_PATH_FORMS = List.of("%s;jsessionid=x", "%s/;", "%s/;a=b", "%s/.;",
			"%s%%3B", "%s%%2e", "%s/%%2e", "%s/./", "%s\\");

	private MetricsPathSpellings() {
	}

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
				for (String form : SEGMENT_FORMS) {
					spellings.add(withSegment(segments, i, form.formatted(segments[i])));
				}
				spellings.add(withSegment(segments, i,
						Character.toUpperCase(segments[i].charAt(0)) + segments[i].substring(1)));
				spellings.add(withSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
			}
			PATH_FORMS.forEach((form) -> spellings.add(form.formatted(path)));
			spellings.add(String.join(";p/", path.split("/")).substring(2) + ";p");
			spellings.add(path.replace('/', '\\'));
			spellings.add(path.replace("/", "%5C"));
			spellings.add("/%256D" + path.substring(2));
			spellings.add(path.toUpperCase(Locale.ROOT));
			spellings.add("http://localhost" + encodeAllButSlashes(path));
			spellings.add(encodeFirstCharacter(path, "%%%02X") + ".txt");
			spellings.add("/%2F" + path.substring(1));
			spellings.add("/%2f" + path.substring(1));
			spellings.add("/%2F" + encodeFirstCharacter(path, "%%%02x"));
			spellings.add("/%2F%2F" + path.substring(1));
			for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
				for (String separator : List.of("%2F", "%2f", "/%2F")) {
					spellings.add(path.substring(0, slash) + separator + path.substring(slash + 1));
				}
			}
		}
		return spellings;
	}

	public static Set<String> withServletSpellings(List<String> paths) {
		Set<String> spellings = of(paths);
		for (String path : paths) {
			String[] segments = path.substring(1).split("/");
			for (int i = 0; i < segments.length; i++) {
				for (String form : SERVLET_SEGMENT_FORMS) {
					spellings.add(withSegment(segments, i, form.formatted(segments[i])));
				}
			}
			SERVLET_PATH_FORMS.forEach((form) -> spellings.add(form.formatted(path)));
			for (String prefix : List.of("/./", "/../", "/x/../", "///")) {
				spellings.add(prefix + path.substring(1));
			}
			for (String slash : List.of("//", "/./", "/;/", "%2F", "%2f")) {
				spellings.add(path.replace("/", slash));
			}
		}
		return spellings;
	}

	private static String withSegment(String[] segments, int index, String replacement) {
		String[] copy = segments.clone();
		copy[index] = replacement;
		return "/" + String.join("/", copy);
	}

	private static String encodeFirstCharacter(String path, String format) {
		return "/" + String.format(format, (int) path.charAt(1)) + path.substring(2);
	}

	private static String encodeAllButSlashes(String path) {
		StringBuilder encoded = new StringBuilder();
		for (char c : path.toCharArray()) {
			encoded.append((c == '/') ? "/" : String.format("%%%02X", (int) c));
		}
		return encoded.toString();
	}

}
