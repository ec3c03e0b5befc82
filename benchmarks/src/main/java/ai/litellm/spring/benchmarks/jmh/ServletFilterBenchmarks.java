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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import ai.litellm.spring.benchmarks.app.LoadTestApplication;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.DelegatingServletOutputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One servlet filter called directly, {@code doFilter(request, response, chain)}, on
 * Spring's mock requests, whose getters return fields as a container's do. Every
 * operation, {@link #noFilter()} included, first hands over the request without
 * attributes and the response recycled, as a container does, so that nothing one call
 * leaves behind changes the next.
 *
 * @author LiteLLM Spring Boot contributors
 */
public class ServletFilterBenchmarks extends BenchmarkState {

	final MockHttpServletRequest health = new MockHttpServletRequest("GET", "/health");

	final MockHttpServletRequest metricsWithoutKey = new MockHttpServletRequest("GET", "/metrics");

	final MockHttpServletRequest metricsWithKey = new MockHttpServletRequest("GET", "/metrics");

	final ReusableHttpServletResponse response = new ReusableHttpServletResponse();

	final MetricsAuthServletFilter starter = new MetricsAuthServletFilter(LoadTestApplication.guard(), null);

	// The same guard inside the base class of most Spring MVC filters, to show what that
	// base class costs every request.
	final OncePerRequestFilter oncePerRequest = new OncePerRequestFilter() {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ServletFilterBenchmarks.this.starter.doFilter(request, response, chain);
		}

	};

	final Filter springSecurity = securityBean(LoadTestApplication.ServletSecurity.class, FilterChainProxy.class);

	public ServletFilterBenchmarks() {
		this.metricsWithKey.addHeader(HttpHeaders.AUTHORIZATION, LoadTestApplication.BASIC_CREDENTIALS);
		// Named as the starter registers its filter: the base class's attribute name is
		// built from it.
		this.oncePerRequest.setBeanName("metricsAuthFilter");
	}

	@Benchmark
	public void noFilter() throws IOException, ServletException {
		this.application.doFilter(fresh(this.health), this.response);
	}

	@Benchmark
	public void starterFilterNonMetrics() throws IOException, ServletException {
		this.starter.doFilter(fresh(this.health), this.response, this.application);
	}

	/**
	 * The same guard and chain call as {@link #starterFilterNonMetrics()}: the difference
	 * is the base class's own work.
	 */
	@Benchmark
	public void oncePerRequestFilterNonMetrics() throws IOException, ServletException {
		this.oncePerRequest.doFilter(fresh(this.health), this.response, this.application);
	}

	// More code to compile than the fast path: with 3 warm-up iterations on a busy
	// machine it still fell from 9 to 1 µs, hence the longer warm-up here and below.
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

	/**
	 * Spring's mock response, recycled between calls as a container recycles its
	 * responses, with an output stream that takes a body in one copy as Tomcat's does.
	 * The mock's own stream writes an array one synchronized, flushed byte at a time:
	 * about 12 µs for the starter's 401 body, which would time the mock, not the filter.
	 */
	static final class ReusableHttpServletResponse extends MockHttpServletResponse {

		private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

		private final ServletOutputStream output = new DelegatingServletOutputStream(this.body) {

			@Override
			public void write(byte[] bytes, int offset, int length) {
				ReusableHttpServletResponse.this.body.write(bytes, offset, length);
			}

			@Override
			public void flush() {
				setCommitted(true);
			}

		};

		void recycle() {
			setCommitted(false);
			reset();
			this.body.reset();
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return this.output;
		}

		String getBody() {
			return this.body.toString(StandardCharsets.UTF_8);
		}

	}

}
