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

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link ApiKeyAuthenticator} that lets at most a fixed number of lookups into another
 * one at a time, so that a flood of requests with random keys cannot become a flood of
 * lookups in a key store. A lookup beyond the bound is not started: it signals an
 * {@link AuthenticatorSaturatedException}, which the guard answers with a 503.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class ConcurrencyLimitedApiKeyAuthenticator implements ApiKeyAuthenticator {

	private final ApiKeyAuthenticator delegate;

	private final int maxInFlight;

	private final AtomicInteger inFlight = new AtomicInteger();

	/**
	 * Create an authenticator.
	 * @param delegate the authenticator that does the lookups
	 * @param maxInFlight how many lookups may be in flight at once
	 */
	public ConcurrencyLimitedApiKeyAuthenticator(ApiKeyAuthenticator delegate, int maxInFlight) {
		Assert.isTrue(maxInFlight > 0, "At least one lookup must be allowed in flight");
		this.delegate = delegate;
		this.maxInFlight = maxInFlight;
	}

	@Override
	public Mono<Boolean> authenticate(String apiKey) {
		return Mono.defer(() -> {
			if (this.inFlight.incrementAndGet() > this.maxInFlight) {
				this.inFlight.decrementAndGet();
				return Mono.error(new AuthenticatorSaturatedException(this.maxInFlight));
			}
			// Released however the lookup ends: answer, error, or cancellation on
			// timeout.
			return Mono.defer(() -> this.delegate.authenticate(apiKey))
				.doFinally((signal) -> this.inFlight.decrementAndGet());
		});
	}

	/**
	 * Return how many lookups are in flight now.
	 * @return the number of lookups in flight
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	@Override
	public String toString() {
		return "ConcurrencyLimitedApiKeyAuthenticator[" + this.delegate + ", max " + this.maxInFlight + "]";
	}

}
