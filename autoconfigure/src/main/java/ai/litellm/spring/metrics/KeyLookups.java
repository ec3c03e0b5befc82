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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A cache of an application's key store's answers and a bound on its lookups in flight,
 * shaped so that a flood of unknown keys cannot turn a known key away: answers are held
 * by the key's SHA-256 digest, accepted and rejected ones in bounded maps of their own,
 * and keys accepted before draw on a second allowance of lookups that unknown keys cannot
 * reach. A key revoked in the store stays accepted until its answer expires; a time to
 * live of zero switches the cache off.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class KeyLookups {

	/**
	 * How many accepted keys' answers are held at most.
	 */
	public static final int MAX_ACCEPTED = 256;

	/**
	 * How many rejected keys' answers are held at most.
	 */
	public static final int MAX_REJECTED = 1024;

	private final long timeToLiveNanos;

	private final int maxInFlight;

	private final LongSupplier nanoClock;

	private final Map<ByteBuffer, Accepted> accepted = new ConcurrentHashMap<>();

	private final Map<ByteBuffer, Long> rejected = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger inFlightForKnownKeys = new AtomicInteger();

	/**
	 * Create the bounds of one key store.
	 * @param timeToLive how long an answer is remembered; zero for not at all
	 * @param maxInFlight how many lookups of unknown keys may be in flight; as many again
	 * for keys accepted before
	 */
	public KeyLookups(Duration timeToLive, int maxInFlight) {
		this(timeToLive, maxInFlight, System::nanoTime);
	}

	KeyLookups(Duration timeToLive, int maxInFlight, LongSupplier nanoClock) {
		Assert.isTrue(!timeToLive.isNegative(), "The time to live must not be negative");
		Assert.isTrue(maxInFlight > 0, "At least one lookup must be allowed in flight");
		this.timeToLiveNanos = timeToLive.toNanos();
		this.maxInFlight = maxInFlight;
		this.nanoClock = nanoClock;
	}

	/**
	 * Start deciding on a key.
	 * @param apiKey the presented key
	 * @return the lookup: answered from the cache, or to be made within the bound
	 */
	public Lookup start(String apiKey) {
		return new Lookup(ByteBuffer.wrap(AcceptedKeys.digest(apiKey)));
	}

	/**
	 * Return how many lookups are in flight now.
	 * @return the number of lookups in flight
	 */
	public int inFlight() {
		return this.inFlight.get() + this.inFlightForKnownKeys.get();
	}

	/**
	 * Return how many lookups of unknown keys may be in flight.
	 * @return the bound
	 */
	public int maxInFlight() {
		return this.maxInFlight;
	}

	private static <V> void putBounded(Map<ByteBuffer, V> answers, ByteBuffer digest, V answer, int max,
			Predicate<V> expired) {
		if (answers.size() >= max && !answers.containsKey(digest)) {
			answers.values().removeIf(expired);
			if (answers.size() >= max) {
				return;
			}
		}
		answers.put(digest, answer);
	}

	@Override
	public String toString() {
		return "KeyLookups[max " + this.maxInFlight + " in flight]";
	}

	/**
	 * The decision on one key: its cached answer, or a lookup to make within the bound.
	 */
	public final class Lookup {

		private final ByteBuffer digest;

		private final long now;

		private final @Nullable Accepted knownKey;

		private final AtomicReference<@Nullable AtomicInteger> permit = new AtomicReference<>();

		private Lookup(ByteBuffer digest) {
			this.digest = digest;
			this.now = KeyLookups.this.nanoClock.getAsLong();
			this.knownKey = KeyLookups.this.accepted.get(digest);
		}

		/**
		 * Return whether the answer is known without a lookup.
		 * @return {@code true} if {@link #cachedAnswer()} holds the answer
		 */
		public boolean isCached() {
			if (this.knownKey != null && isFresh(this.knownKey.expiresAtNanos)) {
				return true;
			}
			Long rejectedUntil = KeyLookups.this.rejected.get(this.digest);
			return rejectedUntil != null && isFresh(rejectedUntil);
		}

		/**
		 * Return the cached answer.
		 * @return the accepted key, or {@code null} if it was rejected
		 */
		public @Nullable AuthenticatedKey cachedAnswer() {
			return (this.knownKey != null && isFresh(this.knownKey.expiresAtNanos)) ? this.knownKey.key : null;
		}

		/**
		 * Take a place among the lookups in flight, to be {@link #release() released}.
		 * @return {@code false} if the bound is reached: do not look the key up
		 */
		public boolean tryAcquire() {
			AtomicInteger counter = (this.knownKey != null) ? KeyLookups.this.inFlightForKnownKeys
					: KeyLookups.this.inFlight;
			if (counter.incrementAndGet() > KeyLookups.this.maxInFlight) {
				counter.decrementAndGet();
				return false;
			}
			this.permit.set(counter);
			return true;
		}

		/**
		 * Give back the place taken by {@link #tryAcquire()}. Does nothing the second
		 * time, even when a cancellation races the lookup's end.
		 */
		public void release() {
			AtomicInteger counter = this.permit.getAndSet(null);
			if (counter != null) {
				counter.decrementAndGet();
			}
		}

		/**
		 * Remember the key store's answer.
		 * @param answer the accepted key, or {@code null} if it was rejected
		 */
		public void remember(@Nullable AuthenticatedKey answer) {
			long expiresAt = KeyLookups.this.nanoClock.getAsLong() + KeyLookups.this.timeToLiveNanos;
			if (answer != null) {
				KeyLookups.this.rejected.remove(this.digest);
				putBounded(KeyLookups.this.accepted, this.digest, new Accepted(answer, expiresAt), MAX_ACCEPTED,
						(known) -> !isFresh(known.expiresAtNanos));
			}
			else {
				// Revoked: it no longer has a place of its own.
				KeyLookups.this.accepted.remove(this.digest);
				if (KeyLookups.this.timeToLiveNanos > 0) {
					putBounded(KeyLookups.this.rejected, this.digest, expiresAt, MAX_REJECTED,
							(until) -> !isFresh(until));
				}
			}
		}

		private boolean isFresh(long expiresAtNanos) {
			return this.now - expiresAtNanos < 0;
		}

	}

	private record Accepted(AuthenticatedKey key, long expiresAtNanos) {

	}

}
