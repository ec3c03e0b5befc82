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

	private final MetricsAuthWebFilter filter = new MetricsAuthWebFilter(MetricsGuardTests.guardAcceptingOnly("sk-1"),
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
	}

	@Test
	void continuesTheChainForAnAuthenticatedMetricsRequest() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer sk-1"));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertThat(this.chain.calls).hasValue(1);
	}

	@Test
	void answersARejectedMetricsRequestItselfWithoutCallingTheChain() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/metrics"));
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
