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

import ai.litellm.spring.benchmarks.filters.PassThroughWebFilter;
import org.openjdk.jmh.annotations.Benchmark;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.DefaultWebFilterChain;

/**
 * A {@code GET /health} through Spring's real {@link DefaultWebFilterChain}, which wraps
 * every filter call in {@code Mono.defer} and {@code checkpoint(filter.toString())}: with
 * no filter, with a filter that does nothing, and with each load-test mode's filters. The
 * difference between the first two is the framework's own cost per filter; what a filter
 * adds beyond a pass-through is its own.
 *
 * @author LiteLLM Spring Boot contributors
 */
public class WebFilterChainBenchmarks extends FilterBenchmarkState {

	final ServerWebExchange health = BenchmarkFixtures.exchange(BenchmarkFixtures.health(),
			new ReusableServerHttpResponse());

	final DefaultWebFilterChain noFilter = chain();

	final DefaultWebFilterChain passThrough = chain(new PassThroughWebFilter());

	final DefaultWebFilterChain starter = chain(BenchmarkFixtures.starterFilter());

	final DefaultWebFilterChain starterAndPassThrough = chain(BenchmarkFixtures.starterFilter(),
			new PassThroughWebFilter());

	final DefaultWebFilterChain composedAndPassThrough = chain(BenchmarkFixtures.composedFilter(),
			new PassThroughWebFilter());

	DefaultWebFilterChain springSecurityChain;

	@Override
	void prepare() {
		this.springSecurityChain = chain(this.springSecurity);
	}

	/**
	 * The framework's floor: the chain calls the handler directly.
	 */
	@Benchmark
	public void noFilter() {
		run(this.noFilter);
	}

	@Benchmark
	public void passThroughFilter() {
		run(this.passThrough);
	}

	/**
	 * The {@code starter} mode.
	 */
	@Benchmark
	public void starterFilter() {
		run(this.starter);
	}

	/**
	 * The "after" setup of LiteLLM's experiment: two filters that only pass through.
	 */
	@Benchmark
	public void starterAndPassThroughFilters() {
		run(this.starterAndPassThrough);
	}

	/**
	 * The {@code composed} mode, the "before" setup of LiteLLM's experiment.
	 */
	@Benchmark
	public void composedAndPassThroughFilters() {
		run(this.composedAndPassThrough);
	}

	/**
	 * The {@code security} mode.
	 */
	@Benchmark
	public void springSecurityFilter() {
		run(this.springSecurityChain);
	}

	private void run(DefaultWebFilterChain chain) {
		run(chain.filter(this.health));
	}

	private DefaultWebFilterChain chain(WebFilter... filters) {
		return new DefaultWebFilterChain(this.application, List.of(filters));
	}

}
