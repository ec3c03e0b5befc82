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

package ai.litellm.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.ApiKeyAuthenticator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A key store of an application's own, as an application writes one: it holds its keys in
 * a key ring of its own, names each key it accepts, and counts the lookups it is asked
 * for, so that a test sees which keys reached it. The servlet contract, and the reactive
 * one through {@link #reactive()}.
 */
final class AppKeyStore implements ApiKeyAuthenticator {

	private final KeyRing keys;

	private final AtomicInteger lookups = new AtomicInteger();

	private final ReactiveApiKeyAuthenticator reactive = (apiKey) -> Mono.justOrEmpty(authenticate(apiKey));

	AppKeyStore(KeyRing keys) {
		this.keys = keys;
	}

	/**
	 * Create a key store of the given keys.
	 * @param namesAndKeys each key's name followed by the key
	 * @return the key store
	 */
	static AppKeyStore of(String... namesAndKeys) {
		return new AppKeyStore(new KeyRing(keys(namesAndKeys)));
	}

	static AcceptedKeys keys(String... namesAndKeys) {
		AcceptedKeys.Builder keys = AcceptedKeys.builder();
		for (int i = 0; i < namesAndKeys.length; i += 2) {
			keys.key(namesAndKeys[i], namesAndKeys[i + 1], "test");
		}
		return keys.build();
	}

	@Override
	public @Nullable AuthenticatedKey authenticate(String apiKey) {
		this.lookups.incrementAndGet();
		String name = this.keys.match(apiKey);
		return (name != null) ? new AuthenticatedKey(name) : null;
	}

	/**
	 * Return this key store through the reactive contract, the same object every time.
	 * @return the reactive key store
	 */
	ReactiveApiKeyAuthenticator reactive() {
		return this.reactive;
	}

	KeyRing keyRing() {
		return this.keys;
	}

	int lookups() {
		return this.lookups.get();
	}

}
