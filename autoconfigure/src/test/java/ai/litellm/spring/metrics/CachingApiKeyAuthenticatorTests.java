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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CachingApiKeyAuthenticator}.
 */
class CachingApiKeyAuthenticatorTests {

	private static final Duration TTL = Duration.ofSeconds(10);

	private final AtomicInteger lookups = new AtomicInteger();

	private final AtomicLong now = new AtomicLong();

	private final CachingApiKeyAuthenticator authenticator = new CachingApiKeyAuthenticator((key) -> {
		this.lookups.incrementAndGet();
		return Mono.just(key.equals("sk-good"));
	}, TTL, this.now::get);

	@Test
	void remembersAcceptanceAndRejectionForTheTimeToLive() {
		assertAnswer("sk-good", true);
		assertAnswer("sk-bad", false);
		assertAnswer("sk-good", true);
		assertAnswer("sk-bad", false);
		assertThat(this.lookups).hasValue(2);
		this.now.addAndGet(TTL.toNanos() - 1);
		assertAnswer("sk-good", true);
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void asksAgainOnceAnAnswerHasExpired() {
		assertAnswer("sk-good", true);
		this.now.addAndGet(TTL.toNanos());
		assertAnswer("sk-good", true);
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void neverRemembersAnError() {
		AtomicInteger calls = new AtomicInteger();
		CachingApiKeyAuthenticator failing = new CachingApiKeyAuthenticator((key) -> {
			calls.incrementAndGet();
			return Mono.error(new IllegalStateException("down"));
		}, TTL, this.now::get);
		StepVerifier.create(failing.authenticate("sk-good")).expectError(IllegalStateException.class).verify();
		StepVerifier.create(failing.authenticate("sk-good")).expectError(IllegalStateException.class).verify();
		assertThat(calls).hasValue(2);
		assertThat(failing.size()).isZero();
	}

	@Test
	void holdsAtMostABoundedNumberOfAnswers() {
		for (int i = 0; i < CachingApiKeyAuthenticator.MAX_ENTRIES + 100; i++) {
			assertAnswer("sk-random-" + i, false);
		}
		assertThat(this.authenticator.size()).isEqualTo(CachingApiKeyAuthenticator.MAX_ENTRIES);
		this.now.addAndGet(TTL.toNanos());
		assertAnswer("sk-good", true);
		assertThat(this.authenticator.size()).as("expired answers make room").isEqualTo(1);
	}

	@Test
	void asksTheDelegateOnlyWhenSubscribedTo() {
		this.authenticator.authenticate("sk-good");
		assertThat(this.lookups).hasValue(0);
	}

	private void assertAnswer(String key, boolean expected) {
		StepVerifier.create(this.authenticator.authenticate(key)).expectNext(expected).verifyComplete();
	}

}
