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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KeyLookups}.
 */
class KeyLookupsTests {

	private static final Duration TTL = Duration.ofSeconds(10);

	private static final AuthenticatedKey GRAFANA = new AuthenticatedKey("grafana");

	private final AtomicLong now = new AtomicLong();

	private final KeyLookups lookups = new KeyLookups(TTL, 2, this.now::get);

	@Test
	void remembersAcceptanceUnderItsNameAndRejectionForTheTimeToLive() {
		remember(this.lookups, "sk-good", GRAFANA);
		remember(this.lookups, "sk-bad", null);
		this.now.addAndGet(TTL.toNanos() - 1);
		assertCached(this.lookups, "sk-good", GRAFANA);
		assertCached(this.lookups, "sk-bad", null);
		assertThat(this.lookups.start("sk-other").isCached()).isFalse();
	}

	@Test
	void asksAgainOnceAnAnswerHasExpired() {
		remember(this.lookups, "sk-good", GRAFANA);
		remember(this.lookups, "sk-bad", null);
		this.now.addAndGet(TTL.toNanos());
		assertThat(this.lookups.start("sk-good").isCached()).isFalse();
		assertThat(this.lookups.start("sk-good").cachedAnswer()).isNull();
		assertThat(this.lookups.start("sk-bad").isCached()).isFalse();
	}

	@Test
	void remembersNothingWithATimeToLiveOfZero() {
		KeyLookups uncached = new KeyLookups(Duration.ZERO, 1, this.now::get);
		remember(uncached, "sk-good", GRAFANA);
		remember(uncached, "sk-bad", null);
		assertThat(uncached.start("sk-good").isCached()).isFalse();
		assertThat(uncached.start("sk-bad").isCached()).isFalse();
		assertThat(uncached.start("sk-unknown").tryAcquire()).isTrue();
		assertThat(uncached.start("sk-good").tryAcquire()).as("still known: a place of its own").isTrue();
	}

	@Test
	void refusesPlacesBeyondTheBoundAndGivesThemBackOnce() {
		KeyLookups.Lookup first = this.lookups.start("a");
		assertThat(first.tryAcquire()).isTrue();
		assertThat(this.lookups.start("b").tryAcquire()).isTrue();
		assertThat(this.lookups.start("c").tryAcquire()).isFalse();
		assertThat(this.lookups.inFlight()).isEqualTo(2);
		first.release();
		first.release();
		assertThat(this.lookups.inFlight()).isEqualTo(1);
		assertThat(this.lookups.start("c").tryAcquire()).isTrue();
		assertThat(this.lookups.start("d").tryAcquire()).isFalse();
		assertThat(this.lookups.maxInFlight()).isEqualTo(2);
	}

	@Test
	void looksUpAKnownKeyWhileUnknownKeysSaturateTheirAllowance() {
		remember(this.lookups, "sk-good", GRAFANA);
		this.now.addAndGet(TTL.toNanos());
		saturate(this.lookups);
		assertThat(this.lookups.start("sk-flood").tryAcquire()).isFalse();
		KeyLookups.Lookup known = this.lookups.start("sk-good");
		assertThat(known.isCached()).isFalse();
		assertThat(known.tryAcquire()).isTrue();
		assertThat(this.lookups.start("sk-good").tryAcquire()).isTrue();
		assertThat(this.lookups.start("sk-good").tryAcquire()).as("known keys have a bound of their own").isFalse();
		known.release();
		assertThat(this.lookups.start("sk-flood").tryAcquire()).as("a known key's place is not an unknown's").isFalse();
		assertThat(this.lookups.inFlight()).isEqualTo(3);
	}

	@Test
	void takesTheKnownKeysPlaceAwayOnceTheKeyStoreRevokesIt() {
		remember(this.lookups, "sk-good", GRAFANA);
		this.now.addAndGet(TTL.toNanos());
		remember(this.lookups, "sk-good", null);
		assertCached(this.lookups, "sk-good", null);
		this.now.addAndGet(TTL.toNanos());
		saturate(this.lookups);
		assertThat(this.lookups.start("sk-good").tryAcquire()).isFalse();
	}

	@Test
	void keepsRoomForAcceptedAnswersWhateverTheRejectionsBeforeAndAfter() {
		for (int i = 0; i < KeyLookups.MAX_REJECTED + 100; i++) {
			remember(this.lookups, "sk-random-" + i, null);
		}
		remember(this.lookups, "sk-good", GRAFANA);
		for (int i = 0; i < KeyLookups.MAX_REJECTED + 100; i++) {
			remember(this.lookups, "sk-later-" + i, null);
		}
		assertCached(this.lookups, "sk-good", GRAFANA);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void holdsAtMostABoundedNumberOfAnswersOfEachKindUntilTheyExpire(boolean accepted) {
		int max = accepted ? KeyLookups.MAX_ACCEPTED : KeyLookups.MAX_REJECTED;
		for (int i = 0; i < max; i++) {
			remember(this.lookups, "sk-" + i, answer(accepted, i));
		}
		assertCached(this.lookups, "sk-0", answer(accepted, 0));
		remember(this.lookups, "sk-one-too-many", answer(accepted, max));
		assertThat(this.lookups.start("sk-one-too-many").isCached()).isFalse();
		this.now.addAndGet(TTL.toNanos());
		remember(this.lookups, "sk-one-too-many", answer(accepted, max));
		assertCached(this.lookups, "sk-one-too-many", answer(accepted, max));
	}

	@Test
	void refusesANegativeTimeToLiveOrNoPlaceInFlight() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyLookups(Duration.ofNanos(-1), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyLookups(TTL, 0));
		assertThat(new KeyLookups(TTL, 3)).hasToString("KeyLookups[max 3 in flight]");
	}

	private static void remember(KeyLookups lookups, String key, @Nullable AuthenticatedKey answer) {
		lookups.start(key).remember(answer);
	}

	private static void assertCached(KeyLookups lookups, String key, @Nullable AuthenticatedKey answer) {
		KeyLookups.Lookup lookup = lookups.start(key);
		assertThat(lookup.isCached()).isTrue();
		assertThat(lookup.cachedAnswer()).isEqualTo(answer);
	}

	private static @Nullable AuthenticatedKey answer(boolean accepted, int scraper) {
		return accepted ? new AuthenticatedKey("scraper-" + scraper) : null;
	}

	private static void saturate(KeyLookups lookups) {
		for (int i = 0; i < lookups.maxInFlight(); i++) {
			assertThat(lookups.start("sk-flood-" + i).tryAcquire()).isTrue();
		}
	}

}
