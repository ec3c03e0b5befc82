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

package ai.litellm.spring.benchmarks.app;

import java.util.function.Function;

import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The starter's job written in the usual reactive-composition style, the shape of Spring
 * Security's {@code AuthenticationWebFilter}: a matcher answering with a
 * {@code Mono<Boolean>}, then {@code filter}, {@code flatMap}, {@code switchIfEmpty} and
 * {@code defer}. It delegates matching, the key check and the 401 to the starter's own
 * code, so the only difference the benchmarks see is the pipeline every request
 * assembles: the JVM analogue of the middleware base class in LiteLLM's blog post.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ComposedMetricsAuthWebFilter implements WebFilter {

	// The style of Spring Security's ServerWebExchangeMatcher.
	private final Function<ServerWebExchange, Mono<Boolean>> metricsRequests;

	private final MetricsAuthWebFilter metricsRequestFilter;

	/**
	 * Create a filter for the metrics paths of a guard.
	 * @param guard the starter's guard
	 */
	public ComposedMetricsAuthWebFilter(MetricsGuard guard) {
		MetricsPathMatcher paths = guard.getPaths();
		this.metricsRequests = (exchange) -> Mono
			.just(paths.matches(exchange.getRequest().getPath().pathWithinApplication()));
		this.metricsRequestFilter = new MetricsAuthWebFilter(guard, null, MetricsAuthWebFilter.DEFAULT_ORDER);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.metricsRequests.apply(exchange)
			.filter(Boolean::booleanValue)
			// thenReturn: an empty Mono<Void> must not fall through to switchIfEmpty and
			// run the chain a second time.
			.flatMap((metricsRequest) -> this.metricsRequestFilter.filter(exchange, chain).thenReturn(Boolean.TRUE))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(Boolean.FALSE))
			.then();
	}

	@Override
	public String toString() {
		return "ComposedMetricsAuthWebFilter";
	}

}
