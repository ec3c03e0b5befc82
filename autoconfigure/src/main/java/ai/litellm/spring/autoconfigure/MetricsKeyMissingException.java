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

package ai.litellm.spring.autoconfigure;

/**
 * Thrown at startup when the metrics endpoint must be authenticated but there is no API
 * key and no key store, so that the application fails closed.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public class MetricsKeyMissingException extends MetricsAuthConfigurationException {

	MetricsKeyMissingException() {
		super("The metrics endpoint requires authentication (litellm.require-auth-for-metrics-endpoint=true), "
				+ "but no API key is configured: none of " + KeyProperty.describeAll()
				+ " is set to a usable value, and the application has no ApiKeyAuthenticator "
				+ "(ReactiveApiKeyAuthenticator on WebFlux) bean.",
				"Set 'litellm.master-key' (or the " + KeyProperty.MASTER_KEY_ENVIRONMENT_VARIABLE
						+ " environment variable) to the key your scrapers present, define an ApiKeyAuthenticator "
						+ "(ReactiveApiKeyAuthenticator on WebFlux) bean, or set "
						+ "'litellm.require-auth-for-metrics-endpoint' to false to serve metrics without authentication.");
	}

}
