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

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

import ai.litellm.spring.metrics.MetricsGuards;
import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The fast path is the product: a request that is not a metrics request must cost the
 * {@link MetricsAuthWebFilter} and the {@link MetricsAuthHttpHandlerDecorator} no
 * allocation. Measured with the thread's allocation counter, which is exact whatever else
 * the machine does, as no timing is.
 */
public class FastPathAllocationTests {

	private static final int WARM_UP_CALLS = 50_000;

	private static final int MEASURED_CALLS = 200_000;

	private static final Mono<Void> HANDLED = Mono.empty();

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/health"));

	private long handled;

	@Test
	void webFilterAllocatesNothingOnANonMetricsRequest() throws Throwable {
		MetricsAuthWebFilter filter = new MetricsAuthWebFilter(MetricsGuards.acceptingOnly("sk-1"), null,
				MetricsAuthWebFilter.DEFAULT_ORDER);
		WebFilterChain application = (served) -> count();
		assertThat(filter.filter(this.exchange, application)).as("nothing left to subscribe").isSameAs(HANDLED);
		assertThat(bytesPerCall(() -> filter.filter(this.exchange, application), () -> this.handled)).isLessThan(1.0);
	}

	@Test
	void httpHandlerDecoratorAllocatesNothingOnANonMetricsRequest() throws Throwable {
		HttpHandler application = (request, response) -> count();
		MetricsAuthHttpHandlerDecorator decorator = new MetricsAuthHttpHandlerDecorator(
				MetricsGuards.acceptingOnly("sk-1"), null, application, null);
		ServerHttpRequest request = this.exchange.getRequest();
		ServerHttpResponse response = this.exchange.getResponse();
		assertThat(decorator.handle(request, response)).as("nothing left to subscribe").isSameAs(HANDLED);
		assertThat(bytesPerCall(() -> decorator.handle(request, response), () -> this.handled)).isLessThan(1.0);
	}

	/**
	 * Return the bytes a warmed-up call allocates, once every measured call is seen to
	 * have reached the application.
	 * @param call the call
	 * @param handled the calls the application has counted so far
	 * @return the bytes per call
	 * @throws Throwable what the call throws
	 */
	public static double bytesPerCall(Executable call, LongSupplier handled) throws Throwable {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
		threads.setThreadAllocatedMemoryEnabled(true);
		for (int i = 0; i < WARM_UP_CALLS; i++) {
			call.execute();
		}
		long handledBefore = handled.getAsLong();
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < MEASURED_CALLS; i++) {
			call.execute();
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(handled.getAsLong() - handledBefore).as("calls that reached the application")
			.isEqualTo(MEASURED_CALLS);
		return (double) allocated / MEASURED_CALLS;
	}

	private Mono<Void> count() {
		this.handled++;
		return HANDLED;
	}

}
