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

import org.springframework.util.Assert;

/**
 * A key that a key store accepted, known by a name that may be shown and counted where
 * the key itself never may: the name of the scraper that uses it, for example.
 *
 * @param name the key's name, such as {@code grafana}; never the key
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public record AuthenticatedKey(String name) {

	/**
	 * The name of keys that are accepted without one.
	 */
	public static final String UNNAMED = "unnamed";

	private static final AuthenticatedKey UNNAMED_KEY = new AuthenticatedKey(UNNAMED);

	/**
	 * Create an accepted key.
	 * @param name the key's name, not blank
	 */
	public AuthenticatedKey {
		Assert.hasText(name, "The name of an accepted key must not be blank");
	}

	/**
	 * Return an accepted key that has no name of its own.
	 * @return the key, named {@value #UNNAMED}
	 */
	public static AuthenticatedKey unnamed() {
		return UNNAMED_KEY;
	}

}
