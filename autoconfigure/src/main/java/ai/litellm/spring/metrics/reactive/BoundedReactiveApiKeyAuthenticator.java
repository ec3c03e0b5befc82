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

package ai.litellm.spring.metrics.reactive;

import java.time.Duration;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyLookups;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * {@link ReactiveApiKeyAuthenticator} that bounds another one: answers are cached and
 * lookups bounded in number by {@link KeyLookups}, and each is given a timeout and
 * subscribed to on a scheduler for blocking work, so that it never holds an event loop.
 * Beyond the bound it signals an {@link AuthenticatorSaturatedException}, past the
 * timeout an {@link AuthenticatorTimeoutException}.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class BoundedReactiveApiKeyAuthenticator implements ReactiveApiKeyAuthenticator {

	private final ReactiveApiKeyAuthenticator delegate;

	private final KeyLookups lookups;

	private final Duration timeout;

	private final Scheduler scheduler;

	/**
	 * Create an authenticator that looks keys up on up to
	 * {@value LookupScheduler#THREADS} daemon threads of its own, apart from the
	 * application's other blocking work.
	 * @param delegate the key store
	 * @param lookups its cache and bound
	 * @param timeout how long a lookup may take
	 */
	public BoundedReactiveApiKeyAuthenticator(ReactiveApiKeyAuthenticator delegate, KeyLookups lookups,
			Duration timeout) {
		this(delegate, lookups, timeout, LookupScheduler.INSTANCE);
	}

	BoundedReactiveApiKeyAuthenticator(ReactiveApiKeyAuthenticator delegate, KeyLookups lookups, Duration timeout,
			Scheduler scheduler) {
		Assert.isTrue(timeout.compareTo(Duration.ZERO) > 0, "The timeout must be positive");
		this.delegate = delegate;
		this.lookups = lookups;
		this.timeout = timeout;
		this.scheduler = scheduler;
	}

	@Override
	public Mono<AuthenticatedKey> authenticate(String apiKey) {
		// Deferred: only a subscription takes a place, and gives it back.
		return Mono.defer(() -> {
			KeyLookups.Lookup lookup = this.lookups.start(apiKey);
			if (lookup.isCached()) {
				return Mono.justOrEmpty(lookup.cachedAnswer());
			}
			if (!lookup.tryAcquire()) {
				return Mono.error(new AuthenticatorSaturatedException(this.lookups.maxInFlight()));
			}
			return Mono.defer(() -> this.delegate.authenticate(apiKey))
				.subscribeOn(this.scheduler)
				.timeout(this.timeout, Mono.error(() -> new AuthenticatorTimeoutException(this.timeout)))
				.doOnSuccess(lookup::remember)
				// Given back before the answer travels on, and on a cancellation.
				.doOnTerminate(lookup::release)
				.doOnCancel(lookup::release);
		});
	}

	@Override
	public String toString() {
		return "BoundedReactiveApiKeyAuthenticator[" + this.delegate + ", " + this.lookups + "]";
	}

	// Created on first use; idle threads end, so nothing is left to shut down.
	private static final class LookupScheduler {

		static final int THREADS = 64;

		static final Scheduler INSTANCE = Schedulers.newBoundedElastic(THREADS, Integer.MAX_VALUE, "litellm-key-lookup",
				10, true);

	}

}
