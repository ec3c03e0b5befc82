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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthWebFilter}.
 */
class MetricsAuthWebFilterTests {

	private final MetricsAuthWebFilter filter = new MetricsAuthWebFilter(MetricsGuards.acceptingOnly("sk-1"),
			(key) -> key.equals("sk-store") ? Mono.just(new AuthenticatedKey("grafana")) : Mono.empty(),
			MetricsAuthWebFilter.DEFAULT_ORDER);

	private final RecordingChain chain = new RecordingChain();

	@Test
	void returnsTheChainsOwnMonoForOtherRequests() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/health").header(HttpHeaders.AUTHORIZATION, "Bearer wrong"));
		Mono<Void> result = this.filter.filter(exchange, this.chain);
		assertThat(result).as("no operator is added to the pass-through").isSameAs(this.chain.result);
		assertThat(this.chain.calls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(exchange.getResponse().getHeaders().getCacheControl()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-1", "sk-store" })
	void continuesTheChainForAMetricsRequestWithAConfiguredKeyOrOneTheKeyStoreAccepts(String key) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + key));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertThat(this.chain.calls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(exchange.getResponse().getHeaders().getCacheControl())
			.as("no shared cache keeps what a key unlocked")
			.isEqualTo("no-store");
	}

	@Test
	void answersARejectedMetricsRequestItselfWithoutCallingTheChain() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer sk-2"));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertThat(this.chain.calls).hasValue(0);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void hasAConstantToStringAndTheConfiguredOrder() {
		assertThat(this.filter.toString()).isSameAs(this.filter.toString()).isEqualTo("MetricsAuthWebFilter");
		assertThat(this.filter.getOrder()).isEqualTo(MetricsAuthWebFilter.DEFAULT_ORDER);
	}

	static final class RecordingChain implements WebFilterChain {

		final AtomicInteger calls = new AtomicInteger();

		final Mono<Void> result = Mono.empty();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.calls.incrementAndGet();
			return this.result;
		}

	}

}
