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

package ai.litellm.spring.benchmarks.filters;

import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The same job as the starter's {@code MetricsAuthWebFilter}, written in the usual
 * reactive-composition style: a matcher that answers with a {@code Mono<Boolean>}, and
 * {@code filter}, {@code flatMap}, {@code switchIfEmpty} and {@code defer} to route the
 * request, the shape of Spring Security's {@code AuthenticationWebFilter}.
 * <p>
 * It is correct and delegates to the starter's own code: the {@link MetricsGuard}'s
 * {@link MetricsPathMatcher} for path matching, and the starter's
 * {@link MetricsAuthWebFilter} for credential reading, the key check and the 401 (which
 * checks the path once more, a few nanoseconds, on metrics requests only). The only
 * difference the benchmarks see is the composition: every request, metrics or not,
 * assembles and subscribes a pipeline of operators and lambdas. It is the JVM analogue of
 * the heavy middleware base class in LiteLLM's blog post.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ComposedMetricsAuthWebFilter implements WebFilter, Ordered {

	private final ReactiveMetricsRequestMatcher metricsRequests;

	private final MetricsAuthWebFilter metricsRequestFilter;

	/**
	 * Create a filter.
	 * @param guard the starter's guard, which it routes metrics requests to
	 */
	public ComposedMetricsAuthWebFilter(MetricsGuard guard) {
		MetricsPathMatcher paths = guard.getPaths();
		this.metricsRequests = (exchange) -> Mono
			.just(paths.matches(exchange.getRequest().getPath().pathWithinApplication()));
		this.metricsRequestFilter = new MetricsAuthWebFilter(guard, null, MetricsAuthWebFilter.DEFAULT_ORDER);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.metricsRequests.matches(exchange)
			.filter(Boolean::booleanValue)
			// thenReturn: a Mono<Void> is empty when it completes, and must not fall
			// through to switchIfEmpty and run the chain a second time.
			.flatMap((metricsRequest) -> this.metricsRequestFilter.filter(exchange, chain).thenReturn(Boolean.TRUE))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(Boolean.FALSE))
			.then();
	}

	@Override
	public int getOrder() {
		return MetricsAuthWebFilter.DEFAULT_ORDER;
	}

	@Override
	public String toString() {
		return "ComposedMetricsAuthWebFilter";
	}

	/**
	 * The reactive request matcher style of Spring Security's
	 * {@code ServerWebExchangeMatcher}.
	 */
	@FunctionalInterface
	interface ReactiveMetricsRequestMatcher {

		Mono<Boolean> matches(ServerWebExchange exchange);

	}

}
