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

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The guard itself, independent of where it is plugged in: decides which requests are
 * metrics requests and authenticates them. {@link MetricsAuthWebFilter} and
 * {@link MetricsAuthHttpHandlerDecorator} are thin adapters around it.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsGuard {

	private static final Log logger = LogFactory.getLog(MetricsGuard.class);

	private final MetricsPathMatcher metricsPaths;

	private final CredentialsReader credentialsReader = new CredentialsReader();

	private final ApiKeyAuthenticator authenticator;

	private final UnauthorizedResponseWriter unauthorized = new UnauthorizedResponseWriter();

	private final AuthenticationListener listener;

	/**
	 * Create a guard.
	 * @param metricsPaths which requests are guarded
	 * @param authenticator the check of a presented key
	 */
	public MetricsGuard(MetricsPathMatcher metricsPaths, ApiKeyAuthenticator authenticator) {
		this(metricsPaths, authenticator, AuthenticationListener.NONE);
	}

	/**
	 * Create a guard that reports every outcome to a listener.
	 * @param metricsPaths which requests are guarded
	 * @param authenticator the check of a presented key
	 * @param listener told every outcome
	 */
	public MetricsGuard(MetricsPathMatcher metricsPaths, ApiKeyAuthenticator authenticator,
			AuthenticationListener listener) {
		this.metricsPaths = metricsPaths;
		this.authenticator = authenticator;
		this.listener = listener;
	}

	/**
	 * Return whether the request must be authenticated. Allocation-free: it runs for
	 * every request.
	 * @param request the request
	 * @return {@code true} for a metrics request
	 */
	public boolean isMetricsRequest(ServerHttpRequest request) {
		return this.metricsPaths.matches(request);
	}

	/**
	 * Authenticate a metrics request: continue with {@code proceed} if it presents a
	 * valid key, otherwise complete the response as a 401 without calling
	 * {@code proceed}.
	 * @param request the metrics request
	 * @param response its response
	 * @param proceed what handles the request once it is authenticated
	 * @return completion of the request
	 */
	public Mono<Void> authenticate(ServerHttpRequest request, ServerHttpResponse response,
			Supplier<Mono<Void>> proceed) {
		PresentedCredentials credentials = this.credentialsReader.read(request.getHeaders());
		String apiKey = credentials.apiKey();
		if (apiKey == null) {
			return reject(request, response, credentials.failure());
		}
		return this.authenticator.authenticate(apiKey).defaultIfEmpty(Boolean.FALSE).flatMap((accepted) -> {
			if (!accepted) {
				return reject(request, response, AuthenticationFailure.INVALID_KEY);
			}
			this.listener.accepted();
			return proceed.get();
		});
	}

	private Mono<Void> reject(ServerHttpRequest request, ServerHttpResponse response, AuthenticationFailure failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rejected a " + request.getMethod() + " metrics request: " + failure.getReason());
		}
		this.listener.rejected(failure);
		return this.unauthorized.write(request, response, failure);
	}

	@Override
	public String toString() {
		return "MetricsGuard";
	}

}
