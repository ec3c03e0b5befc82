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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsGuard}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsGuardTests {

	private static final String KEY = "sk-master-1234";

	private final AtomicInteger authentications = new AtomicInteger();

	private final AtomicInteger proceeded = new AtomicInteger();

	private final MetricsGuard guard = guard((key) -> {
		this.authentications.incrementAndGet();
		return Mono.just(KEY.equals(key));
	});

	private final MockServerHttpResponse response = new MockServerHttpResponse();

	@Test
	void recognisesMetricsRequests() {
		assertThat(this.guard.isMetricsRequest(MockServerHttpRequest.get("/metrics").build())).isTrue();
		assertThat(this.guard.isMetricsRequest(MockServerHttpRequest.get("/health").build())).isFalse();
	}

	@Test
	void proceedsWithAValidKey() {
		StepVerifier
			.create(authenticate(
					MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)))
			.verifyComplete();
		assertThat(this.proceeded).hasValue(1);
		assertThat(this.response.getStatusCode()).isNull();
	}

	@Test
	void rejectsAMissingKeyWithoutAskingTheAuthenticator() {
		StepVerifier.create(authenticate(MockServerHttpRequest.get("/metrics"))).verifyComplete();
		assertRejected(AuthenticationFailure.MISSING_KEY);
		assertThat(this.authentications).hasValue(0);
	}

	@Test
	void rejectsMalformedCredentialsWithoutAskingTheAuthenticator() {
		StepVerifier
			.create(authenticate(
					MockServerHttpRequest.post("/metrics/x").header(HttpHeaders.AUTHORIZATION, "Basic %%%")))
			.verifyComplete();
		assertRejected(AuthenticationFailure.MALFORMED_CREDENTIALS);
		assertThat(this.authentications).hasValue(0);
	}

	@Test
	void rejectsAWrongKey() {
		StepVerifier
			.create(authenticate(
					MockServerHttpRequest.put("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY + "x")))
			.verifyComplete();
		assertRejected(AuthenticationFailure.INVALID_KEY);
		assertThat(this.authentications).hasValue(1);
	}

	@Test
	void treatsAnEmptyAuthenticatorAnswerAsARejection() {
		MetricsGuard silent = guard((key) -> Mono.empty());
		StepVerifier.create(silent.authenticate(withKey(), this.response, this::proceed)).verifyComplete();
		assertRejected(AuthenticationFailure.INVALID_KEY);
	}

	@Test
	void answersAnAuthenticatorErrorWithA503() {
		assertUnavailable((key) -> Mono.error(new IllegalStateException("key store down for " + key)),
				IllegalStateException.class);
	}

	@Test
	void answersAnAuthenticatorThatThrowsWithA503() {
		assertUnavailable((key) -> {
			throw new IllegalStateException("thrown for " + key);
		}, IllegalStateException.class);
	}

	@Test
	void answersAnAuthenticatorThatNeverAnswersWithA503AfterTheTimeout() {
		assertUnavailable((key) -> Mono.never(), TimeoutException.class);
	}

	@Test
	void decidesOnAnAnswerThatIsAlreadyKnownWithoutSchedulingATimeout() {
		MetricsGuard configuredKeys = new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")),
				DigestApiKeyAuthenticator.of(List.of(KEY), List.of()));
		Mono<Verdict> accepted = configuredKeys.check(RequestHeaders.of(withKey().getHeaders()));
		Mono<Verdict> rejected = configuredKeys.check((name) -> List.of("Bearer sk-wrong"));
		assertThat(accepted).isInstanceOf(Fuseable.ScalarCallable.class);
		assertThat(accepted.block()).isSameAs(Verdict.ACCEPTED);
		assertThat(rejected).isInstanceOf(Fuseable.ScalarCallable.class);
		assertThat(rejected.block()).isSameAs(Verdict.unauthorized(AuthenticationFailure.INVALID_KEY));
	}

	@Test
	void warnsOnceWithTheExceptionTypeButNeverItsMessage(CapturedOutput output) {
		MetricsGuard failing = guard((key) -> Mono.error(new IllegalStateException("store down for " + key)));
		for (int i = 0; i < 3; i++) {
			failing.authenticate(withKey(), new MockServerHttpResponse(), this::proceed).block();
		}
		assertThat(output).containsOnlyOnce("WARN")
			.contains("the API key authenticator failed with java.lang.IllegalStateException")
			.doesNotContain("store down")
			.doesNotContain(KEY);
	}

	@Test
	void answersASaturatedAuthenticatorWithA503() {
		ConcurrencyLimitedApiKeyAuthenticator saturated = new ConcurrencyLimitedApiKeyAuthenticator(
				(key) -> Mono.never(), 1);
		saturated.authenticate(KEY).subscribe();
		assertUnavailable(saturated, AuthenticatorSaturatedException.class);
	}

	@Test
	void proceedsOnlyWhenTheResultIsSubscribedTo() {
		this.guard.authenticate(withKey(), this.response, this::proceed);
		assertThat(this.proceeded).hasValue(0);
	}

	private void assertUnavailable(ApiKeyAuthenticator authenticator, Class<? extends Throwable> reported) {
		List<Throwable> errors = new ArrayList<>();
		AuthenticationListener listener = new AuthenticationListener() {

			@Override
			public void unavailable(Throwable error) {
				errors.add(error);
			}

		};
		MetricsGuard guard = new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")), authenticator, listener,
				Duration.ofMillis(200));
		StepVerifier.create(guard.authenticate(withKey(), this.response, this::proceed)).verifyComplete();
		assertThat(this.proceeded).as("the rest of the handling is never called").hasValue(0);
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		StepVerifier.create(this.response.getBodyAsString())
			.assertNext((body) -> assertThat(body).contains("\"type\":\"auth_unavailable\"").doesNotContain(KEY))
			.verifyComplete();
		assertThat(errors).singleElement().isInstanceOf(reported);
	}

	private Mono<Void> authenticate(MockServerHttpRequest.BaseBuilder<?> request) {
		return this.guard.authenticate(request.build(), this.response, this::proceed);
	}

	private Mono<Void> proceed() {
		this.proceeded.incrementAndGet();
		return Mono.empty();
	}

	private void assertRejected(AuthenticationFailure failure) {
		assertThat(this.proceeded).as("the rest of the handling is never called").hasValue(0);
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		StepVerifier.create(this.response.getBodyAsString())
			.assertNext((body) -> assertThat(body).contains(failure.getReason()).doesNotContain(KEY))
			.verifyComplete();
	}

	private static MockServerHttpRequest withKey() {
		return MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY).build();
	}

	static MetricsGuard guard(ApiKeyAuthenticator authenticator) {
		return new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")), authenticator);
	}

	static MetricsGuard guardAcceptingOnly(String key) {
		return guard((presented) -> Mono.just(key.equals(presented)));
	}

}
