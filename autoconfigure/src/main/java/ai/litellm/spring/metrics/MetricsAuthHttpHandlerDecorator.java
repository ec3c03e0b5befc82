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

package ai.litellm.spring.metrics;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * {@link HttpHandler} that applies the {@link MetricsGuard} around a whole application's
 * handler, one level below the {@code WebFilter} chain.
 * <p>
 * Spring wraps every {@code WebFilter} call in operators of its own; a handler decorator
 * is not wrapped, so for a request that is not on a metrics path this adapter costs one
 * path check and a plain delegation.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsAuthHttpHandlerDecorator implements HttpHandler {

	private final MetricsGuard guard;

	private final HttpHandler delegate;

	/**
	 * Create a decorator.
	 * @param guard the guard to apply
	 * @param delegate the application's handler
	 */
	public MetricsAuthHttpHandlerDecorator(MetricsGuard guard, HttpHandler delegate) {
		this.guard = guard;
		this.delegate = delegate;
	}

	@Override
	public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		if (!this.guard.isMetricsRequest(request)) {
			return this.delegate.handle(request, response);
		}
		// A supplier: the delegate starts handling as soon as it is called.
		return this.guard.authenticate(request, response, () -> this.delegate.handle(request, response));
	}

	@Override
	public String toString() {
		return "MetricsAuthHttpHandlerDecorator";
	}

}
