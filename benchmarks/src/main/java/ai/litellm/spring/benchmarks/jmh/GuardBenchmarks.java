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

import ai.litellm.spring.benchmarks.app.LoadTestApplication;
import ai.litellm.spring.benchmarks.app.LoadTestApplication.ComposedMetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * One filter called directly, {@code filter(exchange, chain)} on a pre-built exchange:
 * its own cost, without Spring's per-filter wrapping ({@link WebFilterChainBenchmarks}
 * has that). Spring Security's accepting path is left out: its password check hops to
 * another thread, which the load test covers.
 *
 * @author LiteLLM Spring Boot contributors
 */
public class GuardBenchmarks extends BenchmarkState {

	final ReusableServerHttpResponse response = new ReusableServerHttpResponse();

	// The only response a filter here commits: reset before every rejection.
	final ReusableServerHttpResponse rejectedResponse = new ReusableServerHttpResponse();

	final ServerWebExchange health = exchange(MockServerHttpRequest.get("/health").build(), this.response);

	final ServerWebExchange metricsWithKey = exchange(MockServerHttpRequest.get("/metrics")
		.header(HttpHeaders.AUTHORIZATION, LoadTestApplication.BASIC_CREDENTIALS)
		.build(), this.response);

	final ServerWebExchange metricsWithoutKey = exchange(MockServerHttpRequest.get("/metrics").build(),
			this.rejectedResponse);

	final MetricsAuthWebFilter starter = new MetricsAuthWebFilter(LoadTestApplication.guard(), null,
			MetricsAuthWebFilter.DEFAULT_ORDER);

	final MetricsAuthHttpHandlerDecorator handlerDecorator = new MetricsAuthHttpHandlerDecorator(
			LoadTestApplication.guard(), null, this.application, null);

	final ComposedMetricsAuthWebFilter composed = new ComposedMetricsAuthWebFilter(LoadTestApplication.guard());

	final WebFilter springSecurity = securityBean(LoadTestApplication.ReactiveSecurity.class,
			WebFilterChainProxy.class);

	@Benchmark
	public void floor() {
		// No filter: only the application and the subscription.
		run(this.application.filter(this.health));
	}

	@Benchmark
	public void starterFilterNonMetrics() {
		run(this.starter.filter(this.health, this.application));
	}

	@Benchmark
	public void starterFilterMetricsAccepted() {
		run(this.starter.filter(this.metricsWithKey, this.application));
	}

	@Benchmark
	public void starterFilterMetricsRejected() {
		this.rejectedResponse.reset();
		run(this.starter.filter(this.metricsWithoutKey, this.application));
	}

	@Benchmark
	public void starterHandlerDecoratorNonMetrics() {
		run(this.handlerDecorator.handle(this.health.getRequest(), this.response));
	}

	@Benchmark
	public void composedFilterNonMetrics() {
		run(this.composed.filter(this.health, this.application));
	}

	@Benchmark
	public void springSecurityNonMetrics() {
		run(this.springSecurity.filter(this.health, this.application));
	}

	// Its exception gets a stack trace at every checkpoint it passes: slow to settle.
	@Benchmark
	@Warmup(iterations = 8, time = 1)
	public void springSecurityMetricsRejected() {
		this.rejectedResponse.reset();
		run(this.springSecurity.filter(this.metricsWithoutKey, this.application));
	}

}
