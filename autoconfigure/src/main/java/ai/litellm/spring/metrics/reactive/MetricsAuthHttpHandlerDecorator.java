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

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * {@link HttpHandler} that applies the {@link MetricsGuard} around a whole application's
 * handler, below the {@code WebFilter} chain, so that other requests pass with one check
 * and no operators of Spring's.
 * <p>
 * It runs before the application's {@link ForwardedHeaderTransformer}, which can give a
 * request another path ({@code X-Forwarded-Host: x/metrics?}), so it applies that first
 * and decides on, and hands on, the request the application will route.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsAuthHttpHandlerDecorator implements HttpHandler {

	private final ReactiveMetricsGuard guard;

	private final HttpHandler delegate;

	private final @Nullable ForwardedHeaderTransformer forwardedHeaderTransformer;

	/**
	 * Create a decorator.
	 * @param guard the guard to apply
	 * @param keyStore the application's key store, asked about keys the guard does not
	 * hold, or {@code null}
	 * @param delegate the application's handler
	 * @param forwardedHeaderTransformer the application's transformer of forwarded
	 * headers, if any
	 */
	public MetricsAuthHttpHandlerDecorator(MetricsGuard guard, @Nullable ReactiveApiKeyAuthenticator keyStore,
			HttpHandler delegate, @Nullable ForwardedHeaderTransformer forwardedHeaderTransformer) {
		this.guard = new ReactiveMetricsGuard(guard, keyStore);
		this.delegate = delegate;
		this.forwardedHeaderTransformer = forwardedHeaderTransformer;
	}

	@Override
	public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		ServerHttpRequest routed;
		try {
			routed = (this.forwardedHeaderTransformer != null) ? this.forwardedHeaderTransformer.apply(request)
					: request;
		}
		catch (IllegalArgumentException ex) {
			// Forwarded headers that make no valid URI: guard rather than guess.
			return this.guard.authenticate(request, response, () -> this.delegate.handle(request, response));
		}
		if (!this.guard.isMetricsRequest(routed)) {
			return this.delegate.handle(routed, response);
		}
		// A supplier: the delegate starts handling as soon as it is called.
		return this.guard.authenticate(routed, response, () -> this.delegate.handle(routed, response));
	}

	@Override
	public String toString() {
		return "MetricsAuthHttpHandlerDecorator";
	}

}
