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

import java.util.concurrent.atomic.AtomicInteger;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.MetricsGuards;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthHttpHandlerDecorator}.
 */
class MetricsAuthHttpHandlerDecoratorTests {

	private final RecordingHandler delegate = new RecordingHandler();

	private final MetricsAuthHttpHandlerDecorator decorator = decorator(null);

	private final MockServerHttpResponse response = new MockServerHttpResponse();

	@Test
	void returnsTheDelegatesOwnMonoForOtherRequests() {
		Mono<Void> result = this.decorator.handle(MockServerHttpRequest.get("/health").build(), this.response);
		assertThat(result).isSameAs(this.delegate.result);
		assertThat(this.delegate.calls).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-1", "sk-store" })
	void delegatesAMetricsRequestWithAConfiguredKeyOrOneTheKeyStoreAccepts(String key) {
		MockServerHttpRequest request = MockServerHttpRequest.get("/metrics")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.build();
		StepVerifier.create(this.decorator.handle(request, this.response)).verifyComplete();
		assertThat(this.delegate.calls).hasValue(1);
		assertThat(this.delegate.lastRequest).isSameAs(request);
		assertThat(this.response.getStatusCode()).isNull();
		assertThat(this.response.getHeaders().getCacheControl()).as("no shared cache keeps what a key unlocked")
			.isEqualTo("no-store");
	}

	@Test
	void answersARejectedMetricsRequestItselfWithoutCallingTheDelegate() {
		assertRejectedWithoutCallingTheDelegate(this.decorator, MockServerHttpRequest.get("/metrics").build());
	}

	@ParameterizedTest
	// Spring's transformer takes the host as given (x/metrics? makes the path /metrics),
	// and refuses a port that is not a number: the request is guarded either way.
	@CsvSource({ "X-Forwarded-Host, x/metrics?, /metrics", "X-Forwarded-Port, not-a-port, no valid URI" })
	void guardsWhatTheForwardedHeadersMakeAMetricsRequestOrNoValidUri(String header, String value, String routed) {
		MetricsAuthHttpHandlerDecorator forwarding = decorator(new ForwardedHeaderTransformer());
		MockServerHttpRequest request = MockServerHttpRequest.get("/health").header(header, value).build();
		String path;
		try {
			path = new ForwardedHeaderTransformer().apply(request).getPath().value();
		}
		catch (IllegalArgumentException ex) {
			path = "no valid URI";
		}
		assertThat(path).as("what the application would route").isEqualTo(routed);
		assertRejectedWithoutCallingTheDelegate(forwarding, request);
	}

	@Test
	void handsOnTheForwardedRequestWithoutItsForwardedHeaders() {
		MetricsAuthHttpHandlerDecorator forwarding = decorator(new ForwardedHeaderTransformer());
		forwarding.handle(MockServerHttpRequest.get("/health")
			.header("X-Forwarded-Host", "example.com")
			.header("X-Forwarded-Proto", "https")
			.build(), this.response);
		assertThat(this.delegate.calls).hasValue(1);
		assertThat(this.delegate.lastRequest.getURI().toString()).isEqualTo("https://example.com/health");
		assertThat(this.delegate.lastRequest.getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
	}

	@Test
	void passesARequestWithoutForwardedHeadersOnAsItIs() {
		MetricsAuthHttpHandlerDecorator forwarding = decorator(new ForwardedHeaderTransformer());
		MockServerHttpRequest request = MockServerHttpRequest.get("/health").build();
		forwarding.handle(request, this.response);
		assertThat(this.delegate.lastRequest).isSameAs(request);
	}

	@Test
	void hasAConstantName() {
		assertThat(this.decorator).hasToString("MetricsAuthHttpHandlerDecorator");
	}

	private void assertRejectedWithoutCallingTheDelegate(MetricsAuthHttpHandlerDecorator decorator,
			MockServerHttpRequest request) {
		StepVerifier.create(decorator.handle(request, this.response)).verifyComplete();
		assertThat(this.delegate.calls).hasValue(0);
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private MetricsAuthHttpHandlerDecorator decorator(@Nullable ForwardedHeaderTransformer transformer) {
		return new MetricsAuthHttpHandlerDecorator(MetricsGuards.acceptingOnly("sk-1"),
				(key) -> key.equals("sk-store") ? Mono.just(new AuthenticatedKey("grafana")) : Mono.empty(),
				this.delegate, transformer);
	}

	static final class RecordingHandler implements HttpHandler {

		final AtomicInteger calls = new AtomicInteger();

		final Mono<Void> result = Mono.empty();

		@Nullable ServerHttpRequest lastRequest;

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			this.calls.incrementAndGet();
			this.lastRequest = request;
			return this.result;
		}

	}

}
