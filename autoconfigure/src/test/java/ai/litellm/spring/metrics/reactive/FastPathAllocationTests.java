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

import java.util.function.Supplier;

import ai.litellm.spring.metrics.MetricsGuards;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path is the product: a request that is not a metrics request must cost the
 * {@link MetricsAuthWebFilter} and the {@link MetricsAuthHttpHandlerDecorator} no
 * allocation, with every returned {@code Mono} subscribed (one that is not does nothing).
 */
class FastPathAllocationTests {

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/health"));

	private final CountingApplication application = new CountingApplication();

	@Test
	void webFilterAllocatesNothingOnANonMetricsRequest() throws Exception {
		MetricsAuthWebFilter filter = new MetricsAuthWebFilter(MetricsGuards.acceptingOnly("sk-1"), null,
				MetricsAuthWebFilter.DEFAULT_ORDER);
		assertThat(bytesPerCall(() -> filter.filter(this.exchange, this.application))).isLessThan(1.0);
	}

	@Test
	void httpHandlerDecoratorAllocatesNothingOnANonMetricsRequest() throws Exception {
		MetricsAuthHttpHandlerDecorator decorator = new MetricsAuthHttpHandlerDecorator(
				MetricsGuards.acceptingOnly("sk-1"), null, this.application, null);
		assertThat(bytesPerCall(() -> decorator.handle(this.exchange.getRequest(), this.exchange.getResponse())))
			.isLessThan(1.0);
	}

	private double bytesPerCall(Supplier<Mono<Void>> call) throws Exception {
		double bytes = AllocationMeter.bytesPerCall(() -> call.get().subscribe(this.application),
				() -> this.application.handled);
		assertThat(this.application.completed).as("completed calls").isEqualTo(this.application.handled);
		return bytes;
	}

	/**
	 * The application behind the adapter, and the subscriber of what the adapter returns:
	 * it counts and does nothing else, so whatever is allocated is the adapter's.
	 */
	private static final class CountingApplication implements WebFilterChain, HttpHandler, CoreSubscriber<Void> {

		private static final Mono<Void> HANDLED = Mono.empty();

		private long handled;

		private long completed;

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.handled++;
			return HANDLED;
		}

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			this.handled++;
			return HANDLED;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Void value) {
		}

		@Override
		public void onError(Throwable error) {
			// Not counted as completed, which the test checks.
		}

		@Override
		public void onComplete() {
			this.completed++;
		}

	}

}
