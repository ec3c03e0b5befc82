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
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The one thing the guard reads from a metrics request: the values of a header. Each
 * adapter reads them from its own stack's request.
 *
 * @author LiteLLM Spring Boot contributors
 */
@FunctionalInterface
interface RequestHeaders {

	/**
	 * Return every value of a header.
	 * @param name the header name, matched ignoring case
	 * @return the values in the order received, or {@code null} when the header is absent
	 */
	@Nullable List<String> values(String name);

	/**
	 * Read the headers of a reactive request.
	 * @param headers the request headers
	 * @return the headers as the guard reads them
	 */
	static RequestHeaders of(HttpHeaders headers) {
		// HttpHeaders.get takes an Object in Spring Framework 6 and a String in 7, so a
		// call compiled against one does not link on the other; getFirst and forEach
		// link on both.
		return (name) -> {
			if (headers.getFirst(name) == null) {
				return null;
			}
			List<String> values = new ArrayList<>(1);
			headers.forEach((header, headerValues) -> {
				if (header.equalsIgnoreCase(name)) {
					values.addAll(headerValues);
				}
			});
			return values;
		};
	}

}
