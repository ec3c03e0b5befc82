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
import org.junit.jupiter.api.Nested;
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
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the two WebFlux adapters, {@link MetricsAuthWebFilter} and
 * {@link MetricsAuthHttpHandlerDecorator}: what both must do, then what each does alone.
 */
class MetricsAuthReactiveAdaptersTests {

	private static final ReactiveApiKeyAuthenticator KEY_STORE = (key) -> key.equals("sk-store")
			? Mono.just(new AuthenticatedKey("grafana")) : Mono.empty();

	@Nested
	class WebFilter extends AdapterTests {

		private final MetricsAuthWebFilter filter = new MetricsAuthWebFilter(MetricsGuards.acceptingOnly("sk-1"),
				KEY_STORE, MetricsAuthWebFilter.DEFAULT_ORDER);

		@Override
		Mono<Void> handle(MockServerWebExchange exchange) {
			return this.filter.filter(exchange, this.downstream);
		}

		@Test
		void hasAConstantToStringAndTheConfiguredOrder() {
			assertThat(this.filter.toString()).isSameAs(this.filter.toString()).isEqualTo("MetricsAuthWebFilter");
			assertThat(this.filter.getOrder()).isEqualTo(MetricsAuthWebFilter.DEFAULT_ORDER);
		}

	}

	@Nested
	class HttpHandlerDecorator extends AdapterTests {

		private final MetricsAuthHttpHandlerDecorator decorator = decorator(null);

		@Override
		Mono<Void> handle(MockServerWebExchange exchange) {
			return this.decorator.handle(exchange.getRequest(), exchange.getResponse());
		}

		@Test
		void hasAConstantName() {
			assertThat(this.decorator).hasToString("MetricsAuthHttpHandlerDecorator");
		}

		@ParameterizedTest
		// Spring's transformer takes the host as given (x/metrics? makes the path
		// /metrics), and refuses a port that is not a number: guarded either way.
		@CsvSource({ "X-Forwarded-Host, x/metrics?, /metrics", "X-Forwarded-Port, not-a-port, no valid URI" })
		void guardsWhatTheForwardedHeadersMakeAMetricsRequestOrNoValidUri(String header, String value, String routed) {
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.get("/health").header(header, value));
			String path;
			try {
				path = new ForwardedHeaderTransformer().apply(exchange.getRequest()).getPath().value();
			}
			catch (IllegalArgumentException ex) {
				path = "no valid URI";
			}
			assertThat(path).as("what the application would route").isEqualTo(routed);
			StepVerifier.create(forwarding(exchange)).verifyComplete();
			assertRejected(exchange);
		}

		@Test
		void handsOnTheForwardedRequestWithoutItsForwardedHeaders() {
			forwarding(MockServerWebExchange.from(MockServerHttpRequest.get("/health")
				.header("X-Forwarded-Host", "example.com")
				.header("X-Forwarded-Proto", "https")));
			assertThat(this.downstream.calls).hasValue(1);
			assertThat(this.downstream.lastRequest.getURI().toString()).isEqualTo("https://example.com/health");
			assertThat(this.downstream.lastRequest.getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
		}

		@Test
		void passesARequestWithoutForwardedHeadersOnAsItIs() {
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/health"));
			forwarding(exchange);
			assertThat(this.downstream.lastRequest).isSameAs(exchange.getRequest());
		}

		private Mono<Void> forwarding(MockServerWebExchange exchange) {
			return decorator(new ForwardedHeaderTransformer()).handle(exchange.getRequest(), exchange.getResponse());
		}

		private MetricsAuthHttpHandlerDecorator decorator(@Nullable ForwardedHeaderTransformer transformer) {
			return new MetricsAuthHttpHandlerDecorator(MetricsGuards.acceptingOnly("sk-1"), KEY_STORE, this.downstream,
					transformer);
		}

	}

	abstract static class AdapterTests {

		final Downstream downstream = new Downstream();

		abstract Mono<Void> handle(MockServerWebExchange exchange);

		@Test
		void returnsTheDownstreamsOwnMonoForOtherRequests() {
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.get("/health").header(HttpHeaders.AUTHORIZATION, "Bearer wrong"));
			assertThat(handle(exchange)).as("no operator is added to the pass-through")
				.isSameAs(this.downstream.result);
			assertThat(this.downstream.calls).hasValue(1);
			assertThat(exchange.getResponse().getStatusCode()).isNull();
			assertThat(exchange.getResponse().getHeaders().getCacheControl()).isNull();
		}

		@ParameterizedTest
		@ValueSource(strings = { "sk-1", "sk-store" })
		void continuesAMetricsRequestWithAConfiguredKeyOrOneTheKeyStoreAccepts(String key) {
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + key));
			StepVerifier.create(handle(exchange)).verifyComplete();
			assertThat(this.downstream.calls).hasValue(1);
			assertThat(this.downstream.lastRequest).isSameAs(exchange.getRequest());
			assertThat(exchange.getResponse().getStatusCode()).isNull();
			assertThat(exchange.getResponse().getHeaders().getCacheControl())
				.as("no shared cache keeps what a key unlocked")
				.isEqualTo("no-store");
		}

		@ParameterizedTest
		@CsvSource({ "/metrics, ''", "/actuator/prometheus, Bearer sk-2" })
		void answersARejectedMetricsRequestItselfWithoutCallingTheDownstream(String path, String authorization) {
			MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(path);
			if (!authorization.isEmpty()) {
				request.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			MockServerWebExchange exchange = MockServerWebExchange.from(request);
			StepVerifier.create(handle(exchange)).verifyComplete();
			assertRejected(exchange);
		}

		void assertRejected(MockServerWebExchange exchange) {
			assertThat(this.downstream.calls).hasValue(0);
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

	}

	static final class Downstream implements WebFilterChain, HttpHandler {

		final AtomicInteger calls = new AtomicInteger();

		final Mono<Void> result = Mono.empty();

		@Nullable ServerHttpRequest lastRequest;

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			return handle(exchange.getRequest(), exchange.getResponse());
		}

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			this.calls.incrementAndGet();
			this.lastRequest = request;
			return this.result;
		}

	}

}
