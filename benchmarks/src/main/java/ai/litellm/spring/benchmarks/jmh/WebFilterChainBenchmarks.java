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

import java.util.List;

import ai.litellm.spring.benchmarks.app.LoadTestApplication;
import ai.litellm.spring.benchmarks.app.LoadTestApplication.PassThroughWebFilter;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import org.openjdk.jmh.annotations.Benchmark;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.DefaultWebFilterChain;

/**
 * A {@code GET /health} through Spring's {@link DefaultWebFilterChain}, which wraps every
 * filter call in {@code Mono.defer} and {@code checkpoint(filter.toString())}: a
 * pass-through minus no filter is the framework's own cost per filter, and what the
 * starter's filter adds beyond a pass-through is its own.
 *
 * @author LiteLLM Spring Boot contributors
 */
public class WebFilterChainBenchmarks extends BenchmarkState {

	final ServerWebExchange health = exchange(MockServerHttpRequest.get("/health").build(),
			new ReusableServerHttpResponse());

	final DefaultWebFilterChain noFilter = chain();

	final DefaultWebFilterChain passThrough = chain(new PassThroughWebFilter());

	final DefaultWebFilterChain starter = chain(
			new MetricsAuthWebFilter(LoadTestApplication.guard(), null, MetricsAuthWebFilter.DEFAULT_ORDER));

	@Benchmark
	public void noFilter() {
		run(this.noFilter.filter(this.health));
	}

	@Benchmark
	public void passThroughFilter() {
		run(this.passThrough.filter(this.health));
	}

	@Benchmark
	public void starterFilter() {
		run(this.starter.filter(this.health));
	}

	private DefaultWebFilterChain chain(WebFilter... filters) {
		return new DefaultWebFilterChain(this.application, List.of(filters));
	}

}
