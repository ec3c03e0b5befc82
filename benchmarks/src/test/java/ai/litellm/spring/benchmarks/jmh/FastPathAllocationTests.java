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

package ai.litellm.spring.benchmarks.jmh;

import java.lang.management.ManagementFactory;

import ai.litellm.spring.benchmarks.filters.ComposedMetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Guards the fast path: a request that is not a metrics request must cost the starter no
 * allocation at all. Measured with the current thread's allocation counter over many
 * calls, after a warm-up, with every returned {@code Mono} subscribed. A guard, not a
 * timing: the counter is exact, whatever else the machine is doing.
 */
class FastPathAllocationTests {

	private static final int WARM_UP_CALLS = 50_000;

	private static final int MEASURED_CALLS = 200_000;

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final TerminalHandler application = new TerminalHandler();

	private final CompletionSubscriber subscriber = new CompletionSubscriber();

	private final ReusableServerHttpResponse response = new ReusableServerHttpResponse();

	private final ServerHttpRequest request = BenchmarkFixtures.health();

	private final ServerWebExchange exchange = BenchmarkFixtures.exchange(this.request, this.response);

	@BeforeEach
	void allocationCounterIsAvailable() {
		assumeThat(this.threads.isThreadAllocatedMemorySupported()).isTrue();
		this.threads.setThreadAllocatedMemoryEnabled(true);
	}

	@Test
	void starterWebFilterAllocatesNothingOnANonMetricsPath() {
		MetricsAuthWebFilter filter = BenchmarkFixtures.starterFilter();
		double bytes = bytesPerCall(() -> filter.filter(this.exchange, this.application).subscribe(this.subscriber));
		assertThat(bytes).isLessThan(1.0);
	}

	@Test
	void starterHttpHandlerDecoratorAllocatesNothingOnANonMetricsPath() {
		MetricsAuthHttpHandlerDecorator decorator = BenchmarkFixtures.starterHandlerDecorator(this.application);
		double bytes = bytesPerCall(() -> decorator.handle(this.request, this.response).subscribe(this.subscriber));
		assertThat(bytes).isLessThan(1.0);
	}

	@Test
	void composedWebFilterAllocatesOnEveryCall() {
		ComposedMetricsAuthWebFilter filter = BenchmarkFixtures.composedFilter();
		double bytes = bytesPerCall(() -> filter.filter(this.exchange, this.application).subscribe(this.subscriber));
		// Operators, lambdas and their subscribers: several hundred bytes per request.
		assertThat(bytes).isGreaterThan(100.0);
	}

	private double bytesPerCall(Runnable call) {
		for (int i = 0; i < WARM_UP_CALLS; i++) {
			call.run();
		}
		long threadId = Thread.currentThread().getId();
		long handledBefore = this.application.handled();
		long completedBefore = this.subscriber.completions();
		long before = this.threads.getThreadAllocatedBytes(threadId);
		for (int i = 0; i < MEASURED_CALLS; i++) {
			call.run();
		}
		long allocated = this.threads.getThreadAllocatedBytes(threadId) - before;
		// Every call really went through to the application and completed.
		assertThat(this.application.handled() - handledBefore).isEqualTo(MEASURED_CALLS);
		assertThat(this.subscriber.completions() - completedBefore).isEqualTo(MEASURED_CALLS);
		this.subscriber.assertNoErrors();
		return (double) allocated / MEASURED_CALLS;
	}

}
