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

import ai.litellm.spring.metrics.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.AuthenticationFailure;
import ai.litellm.spring.metrics.CredentialsReader;
import ai.litellm.spring.metrics.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.PresentedCredentials;
import ai.litellm.spring.metrics.UnauthorizedResponseWriter;
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
 * It is correct and reuses the starter's own path matching, credential reading, key check
 * and 401 writer, so the only difference the benchmarks see is the composition: every
 * request, metrics or not, assembles and subscribes a pipeline of operators and lambdas.
 * It is the JVM analogue of the heavy middleware base class in LiteLLM's blog post.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ComposedMetricsAuthWebFilter implements WebFilter, Ordered {

	private final ReactiveMetricsRequestMatcher metricsRequests;

	private final CredentialsReader credentialsReader = new CredentialsReader();

	private final ApiKeyAuthenticator authenticator;

	private final UnauthorizedResponseWriter unauthorized = new UnauthorizedResponseWriter();

	/**
	 * Create a filter.
	 * @param metricsPaths which requests are guarded
	 * @param authenticator the check of a presented key
	 */
	public ComposedMetricsAuthWebFilter(MetricsPathMatcher metricsPaths, ApiKeyAuthenticator authenticator) {
		this.metricsRequests = (exchange) -> Mono.just(metricsPaths.matches(exchange.getRequest()));
		this.authenticator = authenticator;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.metricsRequests.matches(exchange)
			.filter(Boolean::booleanValue)
			// thenReturn: a Mono<Void> is empty when it completes, and must not fall
			// through to switchIfEmpty and run the chain a second time.
			.flatMap((metricsRequest) -> authenticate(exchange, chain).thenReturn(Boolean.TRUE))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(Boolean.FALSE))
			.then();
	}

	private Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromSupplier(() -> this.credentialsReader.read(exchange.getRequest().getHeaders()))
			.flatMap((credentials) -> verify(credentials))
			.flatMap((failure) -> this.unauthorized.write(exchange.getRequest(), exchange.getResponse(), failure)
				.thenReturn(Boolean.FALSE))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(Boolean.TRUE))
			.then();
	}

	// The failure, or empty when the key is accepted.
	private Mono<AuthenticationFailure> verify(PresentedCredentials credentials) {
		String apiKey = credentials.apiKey();
		if (apiKey == null) {
			return Mono.justOrEmpty(credentials.failure());
		}
		return this.authenticator.authenticate(apiKey)
			.defaultIfEmpty(Boolean.FALSE)
			.flatMap((accepted) -> accepted ? Mono.empty() : Mono.just(AuthenticationFailure.INVALID_KEY));
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
