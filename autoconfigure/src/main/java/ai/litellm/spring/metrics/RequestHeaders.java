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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one thing the guard reads from a metrics request: the values of a header. Each
 * stack's adapter reads them from its own request.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestHeaders {

	/**
	 * Return every value of a header.
	 * @param name the header name, matched ignoring case
	 * @return the values in the order received, or {@code null} when the header is absent
	 */
	@Nullable List<String> values(String name);

}
