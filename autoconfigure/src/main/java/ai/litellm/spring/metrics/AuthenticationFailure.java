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
 * Why a request to a metrics path was rejected. The reason is safe to show to the client:
 * it never contains what the client sent.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public enum AuthenticationFailure {

	/**
	 * The request carried no credentials.
	 */
	MISSING_KEY("no API key was provided"),

	/**
	 * The request carried credentials that could not be read.
	 */
	MALFORMED_CREDENTIALS("the credentials are malformed"),

	/**
	 * The request carried a key that is not valid.
	 */
	INVALID_KEY("the API key is invalid");

	private final String reason;

	AuthenticationFailure(String reason) {
		this.reason = reason;
	}

	/**
	 * Return the reason, phrased to complete a sentence.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
