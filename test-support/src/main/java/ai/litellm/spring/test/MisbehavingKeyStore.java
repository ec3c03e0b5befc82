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

package ai.litellm.spring.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.ApiKeyAuthenticator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A key store whose behaviour is chosen by the presented key, for the sample apps' tests
 * of a key store that throws ({@code sk-throw-}), fails ({@code sk-error-}), never
 * answers ({@code sk-never-}), is slower than the timeout ({@code sk-slower-}, 3 s),
 * blocks past it ({@code sk-blocking-}, 3 s), answers within it ({@code sk-slow-}, 200
 * ms) or is flooded ({@code sk-flood-}, 200 ms a lookup, rejected, counted).
 *
 * @author LiteLLM Spring Boot contributors
 */
@TestConfiguration(proxyBeanMethods = false)
public class MisbehavingKeyStore {

	/**
	 * The name of the keys the store accepts.
	 */
	public static final String KEY_NAME = "key-store";

	private static final AuthenticatedKey ACCEPTED = new AuthenticatedKey(KEY_NAME);

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	public void reset() {
		this.maxInFlight.set(0);
	}

	@Nullable AuthenticatedKey lookUp(String key) {
		if (key.startsWith("sk-throw-") || key.startsWith("sk-error-")) {
			throw new IllegalStateException("key store is down, could not check " + key);
		}
		if (key.startsWith("sk-never-")) {
			pause(Duration.ofDays(1));
		}
		if (key.startsWith("sk-slower-") || key.startsWith("sk-blocking-")) {
			pause(Duration.ofSeconds(3));
		}
		if (key.startsWith("sk-slow-")) {
			pause(Duration.ofMillis(200));
			return ACCEPTED;
		}
		if (key.startsWith("sk-flood-")) {
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				pause(Duration.ofMillis(200));
				return null;
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}
		return key.startsWith("sk-good-") ? ACCEPTED : null;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			// The guard gave up waiting.
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	// One nested class per stack, so that a servlet application without Reactor never
	// loads a type that names it.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class Servlet {

		@Bean
		ApiKeyAuthenticator keyStoreAuthenticator(MisbehavingKeyStore keyStore) {
			return keyStore::lookUp;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class Reactive {

		@Bean
		ReactiveApiKeyAuthenticator keyStoreAuthenticator(MisbehavingKeyStore keyStore) {
			return (key) -> {
				if (key.startsWith("sk-throw-")) {
					throw new IllegalStateException("key store is down, could not check " + key);
				}
				if (key.startsWith("sk-error-")) {
					return Mono.error(new IllegalStateException("key store is down, could not check " + key));
				}
				if (key.startsWith("sk-never-")) {
					return Mono.never();
				}
				if (key.startsWith("sk-slower-")) {
					return Mono.delay(Duration.ofSeconds(3)).thenReturn(ACCEPTED);
				}
				// Blocks inside the Mono, on the subscribing thread: no subscribeOn.
				return Mono.fromCallable(() -> keyStore.lookUp(key));
			};
		}

	}

}
