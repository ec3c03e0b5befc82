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

import ai.litellm.spring.metrics.Verdict;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes a rejecting {@link Verdict} straight to a reactive response.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ReactiveVerdictWriter {

	private ReactiveVerdictWriter() {
	}

	static Mono<Void> write(Verdict verdict, ServerHttpRequest request, ServerHttpResponse response) {
		byte[] body = verdict.body();
		response.setStatusCode(HttpStatus.valueOf(verdict.status()));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		headers.setCacheControl(CacheControl.noStore());
		for (Verdict.Header header : verdict.headers()) {
			headers.add(header.name(), header.value());
		}
		if (HttpMethod.HEAD.equals(request.getMethod())) {
			// Below the WebFilter chain no HEAD decorator drops the body, and Reactor
			// Netty answers a HEAD whose body is written with a 200.
			return response.setComplete();
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
