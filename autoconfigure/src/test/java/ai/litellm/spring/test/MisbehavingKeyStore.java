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

import ai.litellm.spring.metrics.ApiKeyAuthenticator;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A key store whose behaviour is chosen by the presented key, for the sample apps' tests
 * of a key store that throws ({@code sk-throw-}), fails ({@code sk-error-}), never
 * answers ({@code sk-never-}), is slower than the timeout ({@code sk-slower-}) or within
 * it ({@code sk-slow-}), or is flooded ({@code sk-flood-}, 300 ms a lookup, counted).
 * Keys starting {@code sk-good-} are accepted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MisbehavingKeyStore {

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	/**
	 * Return the most flood lookups seen in flight at once since the last reset.
	 * @return the maximum
	 */
	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	/**
	 * Forget the maximum seen so far.
	 */
	public void reset() {
		this.maxInFlight.set(0);
	}

	@Bean
	ApiKeyAuthenticator keyStoreAuthenticator() {
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
				return Mono.delay(Duration.ofSeconds(3)).thenReturn(Boolean.TRUE);
			}
			if (key.startsWith("sk-slow-")) {
				return Mono.delay(Duration.ofMillis(200)).thenReturn(Boolean.TRUE);
			}
			if (key.startsWith("sk-flood-")) {
				return Mono.delay(Duration.ofMillis(300))
					.thenReturn(Boolean.FALSE)
					.doOnSubscribe((subscription) -> this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(),
							Math::max))
					.doFinally((signal) -> this.inFlight.decrementAndGet());
			}
			return Mono.just(key.startsWith("sk-good-"));
		};
	}

}
