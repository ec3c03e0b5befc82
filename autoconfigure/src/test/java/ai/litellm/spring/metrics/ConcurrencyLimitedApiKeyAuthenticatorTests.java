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

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConcurrencyLimitedApiKeyAuthenticator}.
 */
class ConcurrencyLimitedApiKeyAuthenticatorTests {

	private final AtomicInteger lookups = new AtomicInteger();

	private final Sinks.One<Boolean> answer = Sinks.one();

	private final ConcurrencyLimitedApiKeyAuthenticator authenticator = new ConcurrencyLimitedApiKeyAuthenticator(
			(key) -> {
				this.lookups.incrementAndGet();
				return this.answer.asMono();
			}, 2);

	@Test
	void refusesLookupsBeyondTheBoundWithoutStartingThem() {
		this.authenticator.authenticate("a").subscribe();
		this.authenticator.authenticate("b").subscribe();
		StepVerifier.create(this.authenticator.authenticate("c"))
			.expectError(AuthenticatorSaturatedException.class)
			.verify();
		assertThat(this.lookups).hasValue(2);
		assertThat(this.authenticator.inFlight()).isEqualTo(2);
	}

	@Test
	void releasesASlotWhenALookupAnswers() {
		this.authenticator.authenticate("a").subscribe();
		this.authenticator.authenticate("b").subscribe();
		this.answer.tryEmitValue(Boolean.TRUE);
		assertThat(this.authenticator.inFlight()).isZero();
		StepVerifier.create(this.authenticator.authenticate("c")).expectNext(true).verifyComplete();
	}

	@Test
	void releasesASlotWhenALookupFailsOrIsCancelled() {
		ConcurrencyLimitedApiKeyAuthenticator failing = new ConcurrencyLimitedApiKeyAuthenticator(
				(key) -> Mono.error(new IllegalStateException("down")), 1);
		StepVerifier.create(failing.authenticate("a")).expectError(IllegalStateException.class).verify();
		assertThat(failing.inFlight()).isZero();
		this.authenticator.authenticate("a").subscribe().dispose();
		assertThat(this.authenticator.inFlight()).isZero();
	}

	@Test
	void releasesASlotWhenTheDelegateThrows() {
		ConcurrencyLimitedApiKeyAuthenticator throwing = new ConcurrencyLimitedApiKeyAuthenticator((key) -> {
			throw new IllegalStateException("thrown");
		}, 1);
		StepVerifier.create(throwing.authenticate("a")).expectError(IllegalStateException.class).verify();
		assertThat(throwing.inFlight()).isZero();
	}

	@Test
	void saturationMessageNeverContainsTheKey() {
		this.authenticator.authenticate("a").subscribe();
		this.authenticator.authenticate("b").subscribe();
		StepVerifier.create(this.authenticator.authenticate("sk-secret-key"))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageNotContaining("sk-secret-key"))
			.verify();
	}

}
