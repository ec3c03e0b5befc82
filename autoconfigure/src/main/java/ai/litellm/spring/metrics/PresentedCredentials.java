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

import org.jspecify.annotations.Nullable;

/**
 * What a request presented to authenticate itself: either an API key or the reason no key
 * could be read.
 *
 * @param apiKey the API key, or {@code null} when {@code failure} is set
 * @param failure why no key could be read, or {@code null} when {@code apiKey} is set
 * @author LiteLLM Spring Boot contributors
 */
record PresentedCredentials(@Nullable String apiKey, @Nullable AuthenticationFailure failure) {

	static PresentedCredentials apiKey(String apiKey) {
		return new PresentedCredentials(apiKey, null);
	}

	static PresentedCredentials failure(AuthenticationFailure failure) {
		return new PresentedCredentials(null, failure);
	}

	@Override
	public String toString() {
		// Never print the key.
		return (this.failure != null) ? "PresentedCredentials[" + this.failure + "]" : "PresentedCredentials[key]";
	}

}
