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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyLookups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BoundedReactiveApiKeyAuthenticator}.
 */
// A lookup that is not bounded as it should be fails its test rather than hangs it.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedReactiveApiKeyAuthenticatorTests {

	private static final AuthenticatedKey GRAFANA = new AuthenticatedKey("grafana");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AtomicInteger lookups = new AtomicInteger();

	private final Sinks.One<AuthenticatedKey> pending = Sinks.one();

	private final Disposable.Composite subscriptions = Disposables.composite();

	private final KeyLookups bounds = new KeyLookups(Duration.ofHours(1), 2);

	// Keys starting with sk-good are accepted; sk-bad rejected; any other waits.
	private final BoundedReactiveApiKeyAuthenticator authenticator = bounded((key) -> {
		this.lookups.incrementAndGet();
		return key.startsWith("sk-good") ? Mono.just(GRAFANA)
				: key.startsWith("sk-bad") ? Mono.empty() : this.pending.asMono();
	}, this.bounds);

	@AfterEach
	void cancelLookups() {
		this.subscriptions.dispose();
	}

	@Test
	void passesTheKeysNameThroughTheLookupAndTheCache() {
		assertAnswer("sk-good", GRAFANA);
		assertAnswer("sk-good", GRAFANA);
		assertThat(this.lookups).as("the second answer is the cached one").hasValue(1);
	}

	@Test
	void remembersARejection() {
		assertAnswer("sk-bad", null);
		assertAnswer("sk-bad", null);
		assertThat(this.lookups).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void neverRemembersAnErrorAndGivesItsPlaceBackWhetherSignalledOrThrown(boolean thrown) {
		BoundedReactiveApiKeyAuthenticator failing = bounded((key) -> {
			this.lookups.incrementAndGet();
			IllegalStateException down = new IllegalStateException("down");
			if (thrown) {
				throw down;
			}
			return Mono.error(down);
		}, this.bounds);
		StepVerifier.create(failing.authenticate("sk-good")).expectError(IllegalStateException.class).verify();
		StepVerifier.create(failing.authenticate("sk-good")).expectError(IllegalStateException.class).verify();
		assertThat(this.lookups).hasValue(2);
		assertThat(this.bounds.inFlight()).isZero();
	}

	@Test
	void neitherAsksTheDelegateNorTakesAPlaceInFlightUntilSubscribedTo() {
		this.authenticator.authenticate("sk-good");
		for (int i = 0; i < 3; i++) {
			this.authenticator.authenticate("sk-never-subscribed-" + i);
		}
		assertThat(this.lookups).hasValue(0);
		assertThat(this.bounds.inFlight()).isZero();
		assertAnswer("sk-good", GRAFANA);
	}

	@Test
	void refusesLookupsBeyondTheBoundWithoutStartingThemOrNamingTheKey() {
		subscribe(this.authenticator, "a");
		subscribe(this.authenticator, "b");
		StepVerifier.create(this.authenticator.authenticate("sk-secret-key"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AuthenticatorSaturatedException.class)
				.hasMessageNotContaining("sk-secret-key"))
			.verify();
		assertThat(this.lookups).hasValue(2);
		assertThat(this.bounds.inFlight()).isEqualTo(2);
	}

	@Test
	void releasesAPlaceWhenALookupAnswers() {
		subscribe(this.authenticator, "a");
		subscribe(this.authenticator, "b");
		this.pending.tryEmitValue(GRAFANA);
		assertThat(this.bounds.inFlight()).isZero();
		StepVerifier.create(this.authenticator.authenticate("c")).expectNext(GRAFANA).verifyComplete();
	}

	@Test
	void releasesAPlaceWhenALookupIsCancelled() {
		this.authenticator.authenticate("a").subscribe().dispose();
		assertThat(this.bounds.inFlight()).isZero();
	}

	@Test
	void looksUpAKnownKeyWhileUnknownKeysSaturateTheBound() {
		// No cache: the known key is looked up again every time.
		BoundedReactiveApiKeyAuthenticator uncached = bounded((key) -> {
			this.lookups.incrementAndGet();
			return key.equals("sk-good") ? Mono.just(GRAFANA) : Mono.never();
		}, new KeyLookups(Duration.ZERO, 1));
		StepVerifier.create(uncached.authenticate("sk-good")).expectNext(GRAFANA).verifyComplete();
		subscribe(uncached, "sk-flood-1");
		StepVerifier.create(uncached.authenticate("sk-flood-2"))
			.expectError(AuthenticatorSaturatedException.class)
			.verify();
		StepVerifier.create(uncached.authenticate("sk-good")).expectNext(GRAFANA).verifyComplete();
		assertThat(this.lookups).hasValue(3);
	}

	@Test
	void timesOutALookupThatBlocksInsideItsMonoWithoutHoldingTheSubscribingThread() throws Exception {
		AtomicReference<String> lookupThread = new AtomicReference<>();
		BoundedReactiveApiKeyAuthenticator blocking = new BoundedReactiveApiKeyAuthenticator(
				(key) -> Mono.fromCallable(() -> {
					lookupThread.set(Thread.currentThread().getName());
					LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
					return GRAFANA;
				}), this.bounds, Duration.ofMillis(500));
		CompletableFuture<Throwable> error = new CompletableFuture<>();
		long start = System.nanoTime();
		blocking.authenticate("sk-slow").subscribe(null, error::complete);
		Duration subscribing = Duration.ofNanos(System.nanoTime() - start);
		assertThat(error.get(2, TimeUnit.SECONDS)).isInstanceOf(AuthenticatorTimeoutException.class);
		Duration answered = Duration.ofNanos(System.nanoTime() - start);
		assertThat(subscribing).as("the subscribing thread, an event loop, is released at once")
			.isLessThan(Duration.ofMillis(300));
		assertThat(answered).as("at the timeout, well under the lookup's 3 s")
			.isBetween(Duration.ofMillis(400), Duration.ofMillis(1500));
		assertThat(lookupThread.get()).startsWith("litellm-key-lookup");
	}

	@Test
	void timesOutALookupThatNeverAnswersAndGivesItsPlaceBack() {
		BoundedReactiveApiKeyAuthenticator silent = new BoundedReactiveApiKeyAuthenticator((key) -> Mono.never(),
				this.bounds, Duration.ofMillis(100));
		StepVerifier.create(silent.authenticate("sk-key"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AuthenticatorTimeoutException.class)
				.hasMessageNotContaining("sk-key"))
			.verify(Duration.ofSeconds(5));
		assertThat(this.bounds.inFlight()).isZero();
	}

	@Test
	void refusesATimeoutThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new BoundedReactiveApiKeyAuthenticator((key) -> Mono.empty(), this.bounds, Duration.ZERO));
	}

	// Lookups left waiting; cancelled after each test, before their timeout fires.
	private void subscribe(ReactiveApiKeyAuthenticator authenticator, String key) {
		this.subscriptions.add(authenticator.authenticate(key).subscribe());
	}

	private void assertAnswer(String key, AuthenticatedKey expected) {
		StepVerifier.FirstStep<AuthenticatedKey> answer = StepVerifier.create(this.authenticator.authenticate(key));
		((expected != null) ? answer.expectNext(expected) : answer).verifyComplete();
	}

	// Lookups subscribed to on the calling thread: what a test of the bound observes at
	// once.
	private static BoundedReactiveApiKeyAuthenticator bounded(ReactiveApiKeyAuthenticator delegate, KeyLookups bounds) {
		return new BoundedReactiveApiKeyAuthenticator(delegate, bounds, TIMEOUT, Schedulers.immediate());
	}

}
