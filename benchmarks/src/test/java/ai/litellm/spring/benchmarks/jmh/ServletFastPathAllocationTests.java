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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

import ai.litellm.spring.benchmarks.filters.OncePerRequestMetricsAuthFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import com.sun.management.ThreadMXBean;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Guards the servlet fast path: a request that is not a metrics request must cost the
 * starter's {@link MetricsAuthServletFilter} no allocation at all. Measured as
 * {@link FastPathAllocationTests} measures the WebFlux adapters: the current thread's
 * allocation counter over many calls, after a warm-up.
 * <p>
 * The request is Spring's {@link MockHttpServletRequest}, whose getters the filter reads
 * ({@code getRequestURI}, {@code getContextPath}, {@code getPathInfo},
 * {@code getServletPath}, {@code getDispatcherType}) return fields, and the chain only
 * counts: whatever is allocated is the filter's. The last two tests show that the
 * measurement does catch a filter that allocates.
 */
class ServletFastPathAllocationTests {

	private static final int WARM_UP_CALLS = 50_000;

	private static final int MEASURED_CALLS = 200_000;

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final TerminalFilterChain chain = new TerminalFilterChain();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@BeforeEach
	void allocationCounterIsAvailable() {
		assumeThat(this.threads.isThreadAllocatedMemorySupported()).isTrue();
		this.threads.setThreadAllocatedMemoryEnabled(true);
	}

	static Stream<Arguments> nonMetricsRequests() {
		MockHttpServletRequest belowServletPath = new MockHttpServletRequest("GET", "/app/api/v1/models");
		belowServletPath.setContextPath("/app");
		belowServletPath.setServletPath("/api");
		belowServletPath.setPathInfo("/v1/models");
		return Stream.of(Arguments.of("GET /health", BenchmarkFixtures.servletGet("/health")),
				Arguments.of("GET /v1/chat/completions", BenchmarkFixtures.servletGet("/v1/chat/completions")),
				Arguments.of("POST /v1/chat/completions", new MockHttpServletRequest("POST", "/v1/chat/completions")),
				Arguments.of("GET /claude/v1/metrics", BenchmarkFixtures.servletGet("/claude/v1/metrics")),
				Arguments.of("GET /metricsx", BenchmarkFixtures.servletGet("/metricsx")),
				Arguments.of("GET /app/api/v1/models (context path /app, servlet path /api)", belowServletPath));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nonMetricsRequests")
	void starterServletFilterAllocatesNothingOnANonMetricsRequest(String description, MockHttpServletRequest request) {
		MetricsAuthServletFilter filter = BenchmarkFixtures.starterServletFilter();
		double bytes = bytesPerCall(() -> filter.doFilter(request, this.response, this.chain));
		assertThat(bytes).isLessThan(1.0);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void theRequestResponseAndChainAllocateNothingThemselves() {
		MockHttpServletRequest request = BenchmarkFixtures.servletGet("/health");
		double bytes = bytesPerCall(() -> {
			readWhatTheFilterReads(request);
			this.chain.doFilter(request, this.response);
		});
		assertThat(bytes).isLessThan(1.0);
	}

	@Test
	void oncePerRequestFilterAllocatesOnEveryCall() {
		OncePerRequestMetricsAuthFilter filter = BenchmarkFixtures.oncePerRequestServletFilter();
		MockHttpServletRequest request = BenchmarkFixtures.servletGet("/health");
		double bytes = bytesPerCall(() -> filter.doFilter(request, this.response, this.chain));
		// Its attribute name, concatenated anew per request, and the map entry of the
		// attribute it sets and removes.
		assertThat(bytes).isGreaterThan(50.0);
		assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void aFilterThatAllocatesOneSmallObjectPerCallIsCaught() {
		PathCopyingFilter filter = new PathCopyingFilter();
		MockHttpServletRequest request = BenchmarkFixtures.servletGet("/health");
		double bytes = bytesPerCall(() -> filter.doFilter(request, this.response, this.chain));
		assertThat(bytes).isGreaterThanOrEqualTo(1.0);
		assertThat(filter.lastPath).isEqualTo("health");
	}

	private static void readWhatTheFilterReads(HttpServletRequest request) {
		if (request.getRequestURI() == null || request.getContextPath() == null || request.getServletPath() == null
				|| request.getPathInfo() != null || request.getDispatcherType() == null) {
			throw new IllegalStateException("Not a plain request");
		}
	}

	private double bytesPerCall(FilterCall call) {
		try {
			for (int i = 0; i < WARM_UP_CALLS; i++) {
				call.run();
			}
			long threadId = Thread.currentThread().getId();
			long handledBefore = this.chain.handled();
			long before = this.threads.getThreadAllocatedBytes(threadId);
			for (int i = 0; i < MEASURED_CALLS; i++) {
				call.run();
			}
			long allocated = this.threads.getThreadAllocatedBytes(threadId) - before;
			// Every call really went through to the application.
			assertThat(this.chain.handled() - handledBefore).isEqualTo(MEASURED_CALLS);
			return (double) allocated / MEASURED_CALLS;
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface FilterCall {

		void run() throws IOException, ServletException;

	}

	/**
	 * Keeps a copy of each request's path, as a filter that normalises or logs it might:
	 * one small string per call, kept in a field so that the JIT cannot remove it.
	 */
	private static final class PathCopyingFilter implements Filter {

		private String lastPath = "";

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			this.lastPath = ((HttpServletRequest) request).getRequestURI().substring(1);
			chain.doFilter(request, response);
		}

	}

}
