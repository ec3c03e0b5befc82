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
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.benchmarks.filters.OncePerRequestMetricsAuthFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;

/**
 * One servlet filter called directly, {@code doFilter(request, response, chain)}, on
 * pre-built requests, with the rest of the application as a {@link TerminalFilterChain}:
 * the starter's {@link MetricsAuthServletFilter}, the same guard inside Spring's
 * {@code OncePerRequestFilter}, and Spring Security's {@link FilterChainProxy} as the
 * load-test application's {@code servlet-security} mode configures it.
 * {@link #noFilter()} is the floor.
 * <p>
 * Every operation first makes its request and the response as a server hands them over:
 * the request without attributes (filters set some and do not all remove them) and the
 * response recycled, so that nothing one call leaves behind changes what the next one
 * does. That costs the same in every benchmark, the floor included. Spring's mocks stand
 * in for the container's request and response: their getters return fields. The response
 * is a {@link ReusableHttpServletResponse}, whose output stream takes the 401 body in one
 * copy rather than byte by byte as the plain mock's does; setting the status, headers and
 * content type on it still costs the mock's own allocation (header map entries, the
 * parsed content type).
 *
 * @author LiteLLM Spring Boot contributors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ServletFilterBenchmarks {

	final TerminalFilterChain application = new TerminalFilterChain();

	final MockHttpServletRequest health = BenchmarkFixtures.servletGet("/health");

	final MockHttpServletRequest metricsWithoutKey = BenchmarkFixtures.servletGet("/metrics");

	final MockHttpServletRequest metricsWithKey = BenchmarkFixtures.servletMetricsWithKey();

	final ReusableHttpServletResponse response = new ReusableHttpServletResponse();

	final MetricsAuthServletFilter starter = BenchmarkFixtures.starterServletFilter();

	final OncePerRequestMetricsAuthFilter oncePerRequest = BenchmarkFixtures.oncePerRequestServletFilter();

	private GenericApplicationContext securityContext;

	Filter springSecurity;

	@Setup
	public void setUp() {
		this.securityContext = BenchmarkFixtures.servletSpringSecurity();
		this.springSecurity = this.securityContext.getBean(FilterChainProxy.class);
	}

	@TearDown
	public void tearDown() {
		this.securityContext.close();
	}

	/**
	 * No filter: only the call to the rest of the application.
	 */
	@Benchmark
	public void noFilter() throws IOException, ServletException {
		this.application.doFilter(fresh(this.health), this.response);
	}

	@Benchmark
	public void starterFilterNonMetrics() throws IOException, ServletException {
		this.starter.doFilter(fresh(this.health), this.response, this.application);
	}

	/**
	 * The same guard and the same call of the chain, through
	 * {@code OncePerRequestFilter}: the difference to {@link #starterFilterNonMetrics()}
	 * is that base class's own work.
	 */
	@Benchmark
	public void oncePerRequestFilterNonMetrics() throws IOException, ServletException {
		this.oncePerRequest.doFilter(fresh(this.health), this.response, this.application);
	}

	/**
	 * The rejection, like the acceptance and Spring Security below, has far more code to
	 * compile than the fast path: with 3 warm-up iterations on a busy machine its
	 * iterations still fell from about 9 µs to 1 µs, hence the longer warm-up.
	 */
	@Benchmark
	@Warmup(iterations = 8, time = 1)
	public void starterFilterMetricsRejected() throws IOException, ServletException {
		this.starter.doFilter(fresh(this.metricsWithoutKey), this.response, this.application);
	}

	@Benchmark
	@Warmup(iterations = 8, time = 1)
	public void starterFilterMetricsAccepted() throws IOException, ServletException {
		this.starter.doFilter(fresh(this.metricsWithKey), this.response, this.application);
	}

	/**
	 * The {@code servlet-security} mode on a request it permits.
	 */
	@Benchmark
	@Warmup(iterations = 8, time = 1)
	public void springSecurityNonMetrics() throws IOException, ServletException {
		this.springSecurity.doFilter(fresh(this.health), this.response, this.application);
	}

	private MockHttpServletRequest fresh(MockHttpServletRequest request) {
		request.clearAttributes();
		this.response.recycle();
		return request;
	}

}
