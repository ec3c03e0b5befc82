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
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthHttpHandlerDecorator}.
 */
class MetricsAuthHttpHandlerDecoratorTests {

	private final RecordingHandler delegate = new RecordingHandler();

	private final MetricsAuthHttpHandlerDecorator decorator = new MetricsAuthHttpHandlerDecorator(
			MetricsGuardTests.guardAcceptingOnly("sk-1"), this.delegate);

	private final MockServerHttpResponse response = new MockServerHttpResponse();

	@Test
	void returnsTheDelegatesOwnMonoForOtherRequests() {
		Mono<Void> result = this.decorator.handle(MockServerHttpRequest.get("/health").build(), this.response);
		assertThat(result).isSameAs(this.delegate.result);
		assertThat(this.delegate.calls).hasValue(1);
	}

	@Test
	void delegatesAnAuthenticatedMetricsRequest() {
		StepVerifier.create(this.decorator.handle(
				MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer sk-1").build(),
				this.response))
			.verifyComplete();
		assertThat(this.delegate.calls).hasValue(1);
	}

	@Test
	void answersARejectedMetricsRequestItselfWithoutCallingTheDelegate() {
		StepVerifier.create(this.decorator.handle(MockServerHttpRequest.get("/metrics").build(), this.response))
			.verifyComplete();
		assertThat(this.delegate.calls).hasValue(0);
		assertThat(this.response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	static final class RecordingHandler implements HttpHandler {

		final AtomicInteger calls = new AtomicInteger();

		final Mono<Void> result = Mono.empty();

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			this.calls.incrementAndGet();
			return this.result;
		}

	}

}
