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

import ai.litellm.spring.benchmarks.filters.ComposedMetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * One filter called directly, {@code filter(exchange, chain)} on a pre-built exchange,
 * with the rest of the application as a {@link TerminalHandler}: the filter's own cost,
 * without Spring's per-filter wrapping (see {@link WebFilterChainBenchmarks} for that).
 * Every returned {@code Mono} is subscribed, since an unsubscribed one does nothing.
 * <p>
 * Spring Security's accepting path is not here: its password check hops to another
 * thread, which a synchronous benchmark cannot time; the load test covers it.
 *
 * @author LiteLLM Spring Boot contributors
 */
public class GuardBenchmarks extends FilterBenchmarkState {

	final ReusableServerHttpResponse healthResponse = new ReusableServerHttpResponse();

	final ReusableServerHttpResponse acceptedResponse = new ReusableServerHttpResponse();

	// The only response a filter under test commits: reset before every rejection.
	final ReusableServerHttpResponse rejectedResponse = new ReusableServerHttpResponse();

	final ServerHttpRequest healthRequest = BenchmarkFixtures.health();

	final ServerWebExchange health = BenchmarkFixtures.exchange(this.healthRequest, this.healthResponse);

	final ServerWebExchange metricsWithKey = BenchmarkFixtures.exchange(BenchmarkFixtures.metricsWithKey(),
			this.acceptedResponse);

	final ServerWebExchange metricsWithoutKey = BenchmarkFixtures.exchange(BenchmarkFixtures.metricsWithoutKey(),
			this.rejectedResponse);

	final MetricsAuthWebFilter starter = BenchmarkFixtures.starterFilter();

	final MetricsAuthHttpHandlerDecorator handlerDecorator = BenchmarkFixtures
		.starterHandlerDecorator(this.application);

	final ComposedMetricsAuthWebFilter composed = BenchmarkFixtures.composedFilter();

	/**
	 * No filter: only the call to the rest of the application and the subscription.
	 */
	@Benchmark
	public void floor() {
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
		run(this.handlerDecorator.handle(this.healthRequest, this.healthResponse));
	}

	@Benchmark
	public void composedFilterNonMetrics() {
		run(this.composed.filter(this.health, this.application));
	}

	@Benchmark
	public void composedFilterMetricsAccepted() {
		run(this.composed.filter(this.metricsWithKey, this.application));
	}

	@Benchmark
	public void composedFilterMetricsRejected() {
		this.rejectedResponse.reset();
		run(this.composed.filter(this.metricsWithoutKey, this.application));
	}

	@Benchmark
	public void springSecurityNonMetrics() {
		run(this.springSecurity.filter(this.health, this.application));
	}

	/**
	 * Spring Security rejects by signalling an exception, which each of its filters'
	 * checkpoints decorates with a stack trace; that path takes thousands of calls to
	 * settle, hence the longer warm-up.
	 */
	@Benchmark
	@Warmup(iterations = 8, time = 1)
	public void springSecurityMetricsRejected() {
		this.rejectedResponse.reset();
		run(this.springSecurity.filter(this.metricsWithoutKey, this.application));
	}

}
