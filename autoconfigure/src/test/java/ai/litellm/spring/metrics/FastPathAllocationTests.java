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

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import com.sun.management.ThreadMXBean;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The fast path is the product: a request that is not a metrics request must cost the
 * {@link MetricsAuthWebFilter}, the {@link MetricsAuthHttpHandlerDecorator} and the
 * {@link MetricsAuthServletFilter} no allocation. Measured with the thread's allocation
 * counter, which is exact whatever else the machine does, as no timing is. Spring's mock
 * servlet request returns fields from the getters the filter reads, so whatever is
 * allocated is the filter's.
 */
class FastPathAllocationTests {

	private static final int WARM_UP_CALLS = 50_000;

	private static final int MEASURED_CALLS = 200_000;

	private static final Mono<Void> HANDLED = Mono.empty();

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/health"));

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private long handled;

	private final FilterChain application = (servletRequest, servletResponse) -> this.handled++;

	static Stream<Named<MockHttpServletRequest>> nonMetricsRequests() {
		MockHttpServletRequest belowServletPath = new MockHttpServletRequest("GET", "/app/api/v1/models");
		belowServletPath.setContextPath("/app");
		belowServletPath.setServletPath("/api");
		belowServletPath.setPathInfo("/v1/models");
		return Stream.of(request("GET", "/health"), request("GET", "/v1/chat/completions"),
				request("POST", "/v1/chat/completions"), request("GET", "/claude/v1/metrics"),
				request("GET", "/metricsx"),
				Named.of("/v1/models below context path /app, servlet path /api", belowServletPath));
	}

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

	@ParameterizedTest
	@MethodSource("nonMetricsRequests")
	void servletFilterAllocatesNothingOnANonMetricsRequest(MockHttpServletRequest request) throws Throwable {
		MetricsAuthServletFilter filter = new MetricsAuthServletFilter(MetricsGuards.acceptingOnly("sk-1"), null);
		assertThat(bytesPerCall(filter, request)).isLessThan(1.0);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void aFilterThatKeepsOneSmallStringPerCallIsCaught() throws Throwable {
		// So that "less than one byte" above is the filter's result, not a blind meter.
		String[] kept = new String[1];
		Filter copying = (request, response, chain) -> {
			kept[0] = ((HttpServletRequest) request).getRequestURI().substring(1);
			chain.doFilter(request, response);
		};
		assertThat(bytesPerCall(copying, new MockHttpServletRequest("GET", "/health"))).isGreaterThanOrEqualTo(1.0);
		assertThat(kept[0]).isEqualTo("health");
	}

	private double bytesPerCall(Filter filter, MockHttpServletRequest request) throws Throwable {
		return bytesPerCall(() -> filter.doFilter(request, this.response, this.application), () -> this.handled);
	}

	// The bytes a warmed-up call allocates, once every measured call is seen to have
	// reached the application.
	private static double bytesPerCall(Executable call, LongSupplier handled) throws Throwable {
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

	private static Named<MockHttpServletRequest> request(String method, String uri) {
		return Named.of(method + " " + uri, new MockHttpServletRequest(method, uri));
	}

}
