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
import ai.litellm.spring.metrics.AuthenticationFailure;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyLookups;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsGuards;
import ai.litellm.spring.metrics.MetricsGuards.RecordingListener;
import ai.litellm.spring.metrics.RequestHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReactiveMetricsGuard}, which both WebFlux adapters apply, the
 * {@link ReactiveVerdictWriter} that writes its answers, and the bounded key store it
 * asks.
 */
class ReactiveMetricsGuardTests {

	private static final String KEY = "sk-master-1234";

	private static final String STORE_KEY = "sk-store-key-5678";

	private final RecordingListener listener = new RecordingListener();

	private final MetricsGuard core = MetricsGuards.guard("master", KEY, this.listener);

	private final AtomicInteger lookups = new AtomicInteger();

	private final AtomicInteger proceeded = new AtomicInteger();

	private final ReactiveApiKeyAuthenticator keyStore = (key) -> {
		this.lookups.incrementAndGet();
		return STORE_KEY.equals(key) ? Mono.just(new AuthenticatedKey("grafana")) : Mono.empty();
	};

	private final MockServerHttpResponse response = new MockServerHttpResponse();

	private final MockServerHttpRequest metricsRequest = MockServerHttpRequest.get("/metrics").build();

	@Test
	void recognisesMetricsRequestsWithinTheApplication() {
		ReactiveMetricsGuard guard = guard(null);
		assertThat(guard.isMetricsRequest(MockServerHttpRequest.get("/metrics").build())).isTrue();
		assertThat(guard.isMetricsRequest(MockServerHttpRequest.get("/health").build())).isFalse();
		assertThat(guard.isMetricsRequest(MockServerHttpRequest.get("/api/metrics").contextPath("/api").build()))
			.isTrue();
		assertThat(guard.isMetricsRequest(MockServerHttpRequest.get("/metrics/x").contextPath("/metrics").build()))
			.as("the context path itself is not the path within the application")
			.isFalse();
	}

	@Test
	void guardsARequestWhoseContextPathEndsInsideASegment() {
		// What Spring's ContextPathCompositeHandler passes on for /manage;x=y/... below
		// /manage: a path that cannot be parsed, so no router routes it, guarded anyway.
		MockServerHttpRequest request = MockServerHttpRequest.get("/manage;x=y/health").contextPath("/manage").build();
		assertThatIllegalArgumentException().isThrownBy(request::getPath);
		assertThat(guard(null).isMetricsRequest(request)).isTrue();
	}

	// A configured key without asking the key store; the key store's under its name.
	@ParameterizedTest
	@CsvSource({ KEY + ", master, 0", STORE_KEY + ", grafana, 1" })
	void proceedsWithAnAcceptedKeyCountedUnderItsName(String key, String name, int lookups) {
		authenticate(guard(this.keyStore), key);
		assertThat(this.proceeded).hasValue(1);
		assertThat(this.response.getStatusCode()).isNull();
		assertThat(this.lookups).hasValue(lookups);
		assertThat(this.listener.accepted).containsExactly(name);
		assertThat(this.response.getHeaders().getCacheControl()).as("no shared cache keeps what a key unlocked")
			.isEqualTo("no-store");
	}

	@Test
	void rejectsAMissingKeyWithoutAskingTheKeyStore() {
		StepVerifier
			.create(guard(this.keyStore).authenticate(MockServerHttpRequest.get("/metrics").build(), this.response,
					this::proceed))
			.verifyComplete();
		assertRejected(AuthenticationFailure.MISSING_KEY);
		assertThat(this.lookups).hasValue(0);
	}

	@Test
	void rejectsMalformedCredentialsWithoutAskingTheKeyStore() {
		StepVerifier.create(guard(this.keyStore).authenticate(
				MockServerHttpRequest.post("/metrics/x").header(HttpHeaders.AUTHORIZATION, "Basic %%%").build(),
				this.response, this::proceed))
			.verifyComplete();
		assertRejected(AuthenticationFailure.MALFORMED_CREDENTIALS);
		assertThat(this.lookups).hasValue(0);
	}

	@Test
	void rejectsAKeyTheKeyStoreAnswersWithNothing() {
		authenticate(guard(this.keyStore), KEY + "x");
		assertRejected(AuthenticationFailure.INVALID_KEY);
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void rejectsAnUnknownKeyWithoutAKeyStore() {
		authenticate(guard(null), STORE_KEY);
		assertRejected(AuthenticationFailure.INVALID_KEY);
	}

	@Test
	void answersAKeyStoreErrorWithA503() {
		assertUnavailable((key) -> Mono.error(new IllegalStateException("key store down for " + key)),
				IllegalStateException.class);
	}

	@Test
	void answersAKeyStoreThatThrowsWithA503() {
		assertUnavailable((key) -> {
			throw new IllegalStateException("thrown for " + key);
		}, IllegalStateException.class);
	}

	@Test
	void answersAKeyStoreThatNeverAnswersWithA503AfterTheTimeout() {
		assertUnavailable(bounded((key) -> Mono.never(), Duration.ofMillis(200)), AuthenticatorTimeoutException.class);
	}

	@Test
	void answersASaturatedKeyStoreWithA503() {
		BoundedReactiveApiKeyAuthenticator saturated = new BoundedReactiveApiKeyAuthenticator((key) -> Mono.never(),
				new KeyLookups(Duration.ofHours(1), 1), Duration.ofHours(1));
		Disposable waiting = saturated.authenticate("sk-other").subscribe();
		assertUnavailable(saturated, AuthenticatorSaturatedException.class);
		waiting.dispose();
	}

	@Test
	void proceedsWithAKeyLeftToTheKeyStoreOnlyWhenTheResultIsSubscribedTo() {
		Mono<Void> result = guard(this.keyStore).authenticate(withKey(STORE_KEY), this.response, this::proceed);
		assertThat(this.proceeded).hasValue(0);
		StepVerifier.create(result).verifyComplete();
		assertThat(this.proceeded).hasValue(1);
	}

	@Test
	void readsEveryValueOfAHeaderWhateverTheCaseOfItsName() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-LiteLLM-API-Key", "a");
		headers.add("x-litellm-api-key", "b");
		RequestHeaders view = ReactiveMetricsGuard.headers(headers);
		assertThat(view.values("x-litellm-api-key")).containsExactly("a", "b");
		assertThat(view.values("X-LITELLM-API-KEY")).containsExactly("a", "b");
		assertThat(view.values("Authorization")).isNull();
	}

	@Test
	void answersHeadWithTheHeadersButNoBody() {
		StepVerifier.create(ReactiveVerdictWriter.write(MetricsGuards.unauthorized(AuthenticationFailure.MISSING_KEY),
				MockServerHttpRequest.head("/metrics").build(), this.response))
			.verifyComplete();
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.response.getHeaders().getContentLength()).isPositive();
		assertThat(this.response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).hasSize(2);
		StepVerifier.create(this.response.getBody()).verifyComplete();
	}

	@Test
	void writesA401InLiteLlmsErrorShape() {
		StepVerifier
			.create(ReactiveVerdictWriter.write(MetricsGuards.unauthorized(AuthenticationFailure.INVALID_KEY),
					this.metricsRequest, this.response))
			.verifyComplete();
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		StepVerifier.create(this.response.getBodyAsString())
			.expectNext("{\"error\":{\"message\":\"Unauthorized access to metrics endpoint: the API key is invalid. "
					+ "To allow unauthenticated access, set litellm.require-auth-for-metrics-endpoint=false.\","
					+ "\"type\":\"auth_error\",\"param\":null,\"code\":\"401\"}}")
			.verifyComplete();
	}

	@ParameterizedTest
	@EnumSource(AuthenticationFailure.class)
	void setsHeadersThatStopCachingAndNameTheAcceptedSchemes(AuthenticationFailure failure) {
		StepVerifier
			.create(ReactiveVerdictWriter.write(MetricsGuards.unauthorized(failure), this.metricsRequest,
					this.response))
			.verifyComplete();
		HttpHeaders headers = this.response.getHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		StepVerifier.create(this.response.getBodyAsString())
			.assertNext(
					(body) -> assertThat(body).contains(failure.getReason()).hasSize((int) headers.getContentLength()))
			.verifyComplete();
	}

	@Test
	void writesA503WhenTheKeyCannotBeCheckedWithoutAChallenge() {
		StepVerifier
			.create(ReactiveVerdictWriter.write(MetricsGuards.unavailable(), this.metricsRequest, this.response))
			.verifyComplete();
		HttpHeaders headers = this.response.getHeaders();
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(headers.getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		StepVerifier.create(this.response.getBodyAsString())
			.expectNext("{\"error\":{\"message\":\"Metrics authentication is temporarily unavailable. Retry later.\","
					+ "\"type\":\"auth_unavailable\",\"param\":null,\"code\":\"503\"}}")
			.verifyComplete();
	}

	private void assertUnavailable(ReactiveApiKeyAuthenticator keyStore, Class<? extends Throwable> reported) {
		authenticate(guard(keyStore), KEY + "x");
		assertThat(this.proceeded).as("the rest of the handling is never called").hasValue(0);
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		StepVerifier.create(this.response.getBodyAsString())
			.assertNext((body) -> assertThat(body).contains("\"type\":\"auth_unavailable\"").doesNotContain(KEY))
			.verifyComplete();
		assertThat(this.listener.unavailable).singleElement().isInstanceOf(reported);
	}

	private void assertRejected(AuthenticationFailure failure) {
		assertThat(this.proceeded).as("the rest of the handling is never called").hasValue(0);
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		StepVerifier.create(this.response.getBodyAsString())
			.assertNext((body) -> assertThat(body).contains(failure.getReason()).doesNotContain(KEY))
			.verifyComplete();
		assertThat(this.listener.rejected).containsExactly(failure);
	}

	private void authenticate(ReactiveMetricsGuard guard, String key) {
		StepVerifier.create(guard.authenticate(withKey(key), this.response, this::proceed)).verifyComplete();
	}

	private ReactiveMetricsGuard guard(@Nullable ReactiveApiKeyAuthenticator keyStore) {
		return new ReactiveMetricsGuard(this.core, keyStore);
	}

	private Mono<Void> proceed() {
		this.proceeded.incrementAndGet();
		return Mono.empty();
	}

	private static BoundedReactiveApiKeyAuthenticator bounded(ReactiveApiKeyAuthenticator keyStore, Duration timeout) {
		return new BoundedReactiveApiKeyAuthenticator(keyStore, new KeyLookups(Duration.ofHours(1), 4), timeout);
	}

	private static MockServerHttpRequest withKey(String key) {
		return MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
	}

	/**
	 * Tests for {@link BoundedReactiveApiKeyAuthenticator}, which bounds, caches and
	 * times out the key store the guard asks.
	 */
	// A lookup that is not bounded as it should be fails its test rather than hangs it.
	@Nested
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	class BoundedKeyStore {

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

		// Lookups subscribed to on the calling thread: what a test of the bound
		// observes at once.
		private static BoundedReactiveApiKeyAuthenticator bounded(ReactiveApiKeyAuthenticator delegate,
				KeyLookups bounds) {
			return new BoundedReactiveApiKeyAuthenticator(delegate, bounds, TIMEOUT, Schedulers.immediate());
		}

	}

}
