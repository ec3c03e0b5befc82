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

package ai.litellm.spring.metrics.servlet;

import ai.litellm.spring.metrics.AuthenticatedKey;
import org.jspecify.annotations.Nullable;

/**
 * A key store of the application's own, asked on a servlet stack (Spring MVC) about a key
 * presented to a metrics path that none of the configured keys is. Declare a bean of this
 * type to check keys against it; the guard bounds its lookups in time and in number and
 * caches its answers ({@link BoundedApiKeyAuthenticator}), so a lookup may simply block.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 * @see ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator
 */
@FunctionalInterface
public interface ApiKeyAuthenticator {

	/**
	 * Authenticate a key.
	 * @param apiKey the presented key, never empty
	 * @return the accepted key with its name, which is counted and logged; {@code null}
	 * if the key is not accepted (a 401)
	 * @throws RuntimeException if the key cannot be checked now (a 503)
	 */
	@Nullable AuthenticatedKey authenticate(String apiKey);

}
