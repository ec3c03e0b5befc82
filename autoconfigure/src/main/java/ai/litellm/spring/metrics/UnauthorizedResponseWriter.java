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

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes the 401 response for a rejected metrics request straight to the response,
 * without throwing an exception and without calling anything downstream.
 * <p>
 * The body follows LiteLLM's error shape. Bodies are rendered once, at construction, so a
 * rejection costs no more than serving a small constant response.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class UnauthorizedResponseWriter {

	static final String BEARER_CHALLENGE = "Bearer realm=\"metrics\"";

	static final String BASIC_CHALLENGE = "Basic realm=\"metrics\", charset=\"UTF-8\"";

	private final Map<AuthenticationFailure, byte[]> bodies = new EnumMap<>(AuthenticationFailure.class);

	UnauthorizedResponseWriter() {
		for (AuthenticationFailure failure : AuthenticationFailure.values()) {
			this.bodies.put(failure, body(failure).getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String body(AuthenticationFailure failure) {
		return "{\"error\":{\"message\":\"Unauthorized access to metrics endpoint: " + failure.getReason()
				+ ". To allow unauthenticated access, set litellm.require-auth-for-metrics-endpoint=false.\","
				+ "\"type\":\"auth_error\",\"param\":null,\"code\":\"401\"}}";
	}

	/**
	 * Complete the response as a 401 for the given failure.
	 * @param request the rejected request
	 * @param response the response to write to
	 * @param failure why the request was rejected
	 * @return completion of the write
	 */
	Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, AuthenticationFailure failure) {
		byte[] body = this.bodies.get(failure);
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		headers.setCacheControl(CacheControl.noStore());
		headers.add(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
		headers.add(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
		if (HttpMethod.HEAD.equals(request.getMethod())) {
			// Below the WebFilter chain no HEAD decorator drops the body, and Reactor
			// Netty answers a HEAD whose body is written with a 200.
			return response.setComplete();
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public String toString() {
		return "UnauthorizedResponseWriter";
	}

}
