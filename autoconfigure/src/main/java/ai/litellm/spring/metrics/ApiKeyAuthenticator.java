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

import reactor.core.publisher.Mono;

/**
 * Decides whether an API key presented to a metrics path is valid. Declare a bean of this
 * type to check keys against your own key store instead of the configured keys.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface ApiKeyAuthenticator {

	/**
	 * Authenticate the given key. An empty result counts as a rejection; an error is
	 * propagated and not treated as a rejection.
	 * @param apiKey the presented key, never empty
	 * @return {@code true} if the key grants access to the metrics
	 */
	Mono<Boolean> authenticate(String apiKey);

	/**
	 * Authenticate the given key and name it, for the counters and the logs of accepted
	 * requests. The default names every accepted key {@value AcceptedKeys#UNNAMED}.
	 * @param apiKey the presented key, never empty
	 * @return the name of the key, never the key itself; empty if it is not accepted
	 */
	default Mono<String> identify(String apiKey) {
		return authenticate(apiKey).filter(Boolean::booleanValue).map((accepted) -> AcceptedKeys.UNNAMED);
	}

}
