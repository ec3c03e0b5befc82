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

/**
 * Signalled instead of asking an authenticator that already has as many lookups in flight
 * as it is allowed; the guard answers the request with a 503.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 * @see KeyLookups
 */
public class AuthenticatorSaturatedException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param maxInFlight how many lookups may be in flight
	 */
	public AuthenticatorSaturatedException(int maxInFlight) {
		super("The API key authenticator already has " + maxInFlight + " lookups in flight", null, false, false);
	}

}
