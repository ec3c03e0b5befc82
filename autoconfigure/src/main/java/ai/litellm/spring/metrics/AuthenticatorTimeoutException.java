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

import java.time.Duration;

/**
 * Signalled when a key store did not answer within its timeout; the guard answers the
 * request with a 503.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public class AuthenticatorTimeoutException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param timeout the timeout that passed
	 */
	public AuthenticatorTimeoutException(Duration timeout) {
		super("The API key authenticator did not answer within " + timeout, null, false, false);
	}

}
