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

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyLookups;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * {@link ApiKeyAuthenticator} that bounds another one: answers are cached and lookups
 * bounded in number by {@link KeyLookups}, and each runs on a daemon thread of its own
 * while the request thread waits at most the timeout, then gets an
 * {@link AuthenticatorTimeoutException}; beyond the bound, an
 * {@link AuthenticatorSaturatedException}.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class BoundedApiKeyAuthenticator implements ApiKeyAuthenticator {

	private final ApiKeyAuthenticator delegate;

	private final KeyLookups lookups;

	private final Duration timeout;

	private final ThreadPoolExecutor executor;

	/**
	 * Create an authenticator.
	 * @param delegate the key store
	 * @param lookups its cache and bound
	 * @param timeout how long a request waits for a lookup
	 */
	public BoundedApiKeyAuthenticator(ApiKeyAuthenticator delegate, KeyLookups lookups, Duration timeout) {
		Assert.isTrue(timeout.compareTo(Duration.ZERO) > 0, "The timeout must be positive");
		this.delegate = delegate;
		this.lookups = lookups;
		this.timeout = timeout;
		// Unbounded: KeyLookups bounds the lookups, and a lookup gives its place back
		// before its thread is idle, so a pool of that size would refuse one.
		CustomizableThreadFactory threads = new CustomizableThreadFactory("litellm-key-lookup-");
		threads.setDaemon(true);
		this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threads);
	}

	@Override
	public @Nullable AuthenticatedKey authenticate(String apiKey) {
		KeyLookups.Lookup lookup = this.lookups.start(apiKey);
		if (lookup.isCached()) {
			return lookup.cachedAnswer();
		}
		if (!lookup.tryAcquire()) {
			throw new AuthenticatorSaturatedException(this.lookups.maxInFlight());
		}
		Future<@Nullable AuthenticatedKey> answer;
		try {
			answer = this.executor.submit(() -> {
				try {
					return this.delegate.authenticate(apiKey);
				}
				finally {
					lookup.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			lookup.release();
			throw new AuthenticatorSaturatedException(this.lookups.maxInFlight());
		}
		AuthenticatedKey key = await(answer);
		lookup.remember(key);
		return key;
	}

	private @Nullable AuthenticatedKey await(Future<@Nullable AuthenticatedKey> answer) {
		try {
			return answer.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new AuthenticatorTimeoutException(this.timeout);
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new AuthenticatorTimeoutException(this.timeout);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("The API key authenticator failed", cause);
		}
	}

	@Override
	public String toString() {
		return "BoundedApiKeyAuthenticator[" + this.delegate + ", " + this.lookups + "]";
	}

}
