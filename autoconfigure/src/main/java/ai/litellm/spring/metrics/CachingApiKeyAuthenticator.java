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

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link ApiKeyAuthenticator} that remembers another one's answers for a short time, so
 * that a scraper presenting the same key every few seconds, or a client repeating a wrong
 * key, does not cost a key store lookup each time.
 * <p>
 * Answers are held by the SHA-256 digest of the key, never the key itself, for at most
 * the configured time and for a bounded number of keys: when the cache is full of
 * unexpired answers, new answers are simply not remembered. Errors are never remembered.
 * A key revoked in the store is therefore still accepted for up to the time to live.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class CachingApiKeyAuthenticator implements ApiKeyAuthenticator {

	/**
	 * How many keys' answers are held at most.
	 */
	public static final int MAX_ENTRIES = 1024;

	private static final Mono<Boolean> ACCEPTED = Mono.just(Boolean.TRUE);

	private static final Mono<Boolean> REJECTED = Mono.just(Boolean.FALSE);

	private final ApiKeyAuthenticator delegate;

	private final long timeToLiveNanos;

	private final LongSupplier nanoClock;

	private final Map<ByteBuffer, Answer> answers = new ConcurrentHashMap<>();

	/**
	 * Create an authenticator.
	 * @param delegate the authenticator whose answers are cached
	 * @param timeToLive how long an answer is remembered
	 */
	public CachingApiKeyAuthenticator(ApiKeyAuthenticator delegate, Duration timeToLive) {
		this(delegate, timeToLive, System::nanoTime);
	}

	CachingApiKeyAuthenticator(ApiKeyAuthenticator delegate, Duration timeToLive, LongSupplier nanoClock) {
		Assert.isTrue(timeToLive.compareTo(Duration.ZERO) > 0, "The time to live must be positive");
		this.delegate = delegate;
		this.timeToLiveNanos = timeToLive.toNanos();
		this.nanoClock = nanoClock;
	}

	@Override
	public Mono<Boolean> authenticate(String apiKey) {
		ByteBuffer digest = ByteBuffer.wrap(DigestApiKeyAuthenticator.sha256(apiKey));
		long now = this.nanoClock.getAsLong();
		Answer cached = this.answers.get(digest);
		if (cached != null && cached.isFresh(now)) {
			return cached.accepted() ? ACCEPTED : REJECTED;
		}
		return Mono.defer(() -> this.delegate.authenticate(apiKey)).doOnNext((accepted) -> remember(digest, accepted));
	}

	private void remember(ByteBuffer digest, boolean accepted) {
		long now = this.nanoClock.getAsLong();
		if (this.answers.size() >= MAX_ENTRIES) {
			this.answers.values().removeIf((answer) -> !answer.isFresh(now));
			if (this.answers.size() >= MAX_ENTRIES) {
				return;
			}
		}
		this.answers.put(digest, new Answer(accepted, now + this.timeToLiveNanos));
	}

	int size() {
		return this.answers.size();
	}

	@Override
	public String toString() {
		return "CachingApiKeyAuthenticator[" + this.delegate + "]";
	}

	private record Answer(boolean accepted, long expiresAtNanos) {

		boolean isFresh(long now) {
			return now - this.expiresAtNanos < 0;
		}

	}

}
