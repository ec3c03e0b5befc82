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
 * Told the outcome of every metrics request the guard authenticates, for example to count
 * rejected scrapes. Only metrics requests reach it; implementations must be cheap and
 * must not block.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public interface AuthenticationListener {

	/**
	 * A listener that does nothing.
	 */
	AuthenticationListener NONE = new AuthenticationListener() {
	};

	/**
	 * A metrics request presented a valid key.
	 * @param keyName the name of the key, such as {@code master}; never the key
	 */
	default void accepted(String keyName) {
	}

	/**
	 * A metrics request was rejected with a 401.
	 * @param failure why
	 */
	default void rejected(AuthenticationFailure failure) {
	}

	/**
	 * A metrics request was answered with a 503 because its key could not be checked.
	 * @param error what the key store signalled: its error, an
	 * {@link AuthenticatorTimeoutException}, or an
	 * {@link AuthenticatorSaturatedException}
	 */
	default void unavailable(Throwable error) {
	}

}
