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

package ai.litellm.spring.metrics.reactive;

import ai.litellm.spring.metrics.MetricsGuard;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@link WebFilter} that requires a valid API key on metrics paths and lets every other
 * request through untouched, with one check and no allocation: the default WebFlux
 * adapter of the {@link MetricsGuard}.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsAuthWebFilter implements WebFilter, Ordered {

	/**
	 * Default order: ahead of Spring Security's {@code WebFilterChainProxy} (-100).
	 */
	public static final int DEFAULT_ORDER = -1000;

	private final ReactiveMetricsGuard guard;

	private final int order;

	/**
	 * Create a filter.
	 * @param guard the guard to apply
	 * @param keyStore the application's key store, asked about keys the guard does not
	 * hold, or {@code null}
	 * @param order the order of the filter
	 */
	public MetricsAuthWebFilter(MetricsGuard guard, @Nullable ReactiveApiKeyAuthenticator keyStore, int order) {
		this.guard = new ReactiveMetricsGuard(guard, keyStore);
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.guard.isMetricsRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return this.guard.authenticate(exchange.getRequest(), exchange.getResponse(), () -> chain.filter(exchange));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	// Constant: Spring Framework 7 calls toString() on every request for its checkpoint.
	@Override
	public String toString() {
		return "MetricsAuthWebFilter";
	}

}
