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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.RequestHeaders;
import ai.litellm.spring.metrics.Verdict;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The {@link MetricsGuard} applied to a reactive request, for both WebFlux adapters.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ReactiveMetricsGuard {

	private final MetricsGuard guard;

	// Held directly: one reference fewer to follow on every request.
	private final MetricsPathMatcher paths;

	private final @Nullable ReactiveApiKeyAuthenticator keyStore;

	ReactiveMetricsGuard(MetricsGuard guard, @Nullable ReactiveApiKeyAuthenticator keyStore) {
		this.guard = guard;
		this.paths = guard.getPaths();
		this.keyStore = keyStore;
	}

	// Whether the request must be authenticated, without allocating.
	boolean isMetricsRequest(ServerHttpRequest request) {
		String rawPath = request.getURI().getRawPath();
		if (rawPath != null && !this.paths.mayHoldGuardedPath(rawPath)) {
			// Nearly every request: decided before anything parses its path.
			return false;
		}
		RequestPath path;
		try {
			path = request.getPath();
		}
		catch (IllegalArgumentException ex) {
			// A context path that ends inside a segment (/manage;x=y/... below /manage):
			// no router can route it either, so guard it rather than guess.
			return true;
		}
		return this.paths.matches(path.pathWithinApplication());
	}

	// Continues with proceed for a valid key; otherwise writes a 401, or a 503.
	Mono<Void> authenticate(ServerHttpRequest request, ServerHttpResponse response, Supplier<Mono<Void>> proceed) {
		Verdict verdict = this.guard.check(headers(request.getHeaders()));
		String apiKey = verdict.keyToLookUp();
		if (apiKey == null) {
			return proceedOrWrite(verdict, request, response, proceed);
		}
		return lookUp(apiKey).flatMap((answer) -> proceedOrWrite(answer, request, response, proceed));
	}

	private Mono<Verdict> lookUp(String apiKey) {
		if (this.keyStore == null) {
			return Mono.just(this.guard.answer(null));
		}
		Mono<AuthenticatedKey> answer;
		try {
			answer = this.keyStore.authenticate(apiKey);
		}
		catch (RuntimeException ex) {
			// A key store that throws instead of returning an error.
			return Mono.just(this.guard.unavailable(ex));
		}
		return answer.map(this.guard::answer)
			.switchIfEmpty(Mono.fromSupplier(() -> this.guard.answer(null)))
			.onErrorResume((ex) -> Mono.just(this.guard.unavailable(ex)));
	}

	private static Mono<Void> proceedOrWrite(Verdict verdict, ServerHttpRequest request, ServerHttpResponse response,
			Supplier<Mono<Void>> proceed) {
		if (!verdict.isAccepted()) {
			return ReactiveVerdictWriter.write(verdict, request, response);
		}
		// What a key unlocked is for that key alone: no shared cache may keep it.
		response.getHeaders().setCacheControl(CacheControl.noStore());
		return proceed.get();
	}

	static RequestHeaders headers(HttpHeaders headers) {
		// HttpHeaders.get takes an Object in Spring Framework 6 and a String in 7, so a
		// call compiled against one does not link on the other; getFirst and forEach
		// link on both.
		return (name) -> {
			if (headers.getFirst(name) == null) {
				return null;
			}
			List<String> values = new ArrayList<>(1);
			headers.forEach((header, headerValues) -> {
				if (header.equalsIgnoreCase(name)) {
					values.addAll(headerValues);
				}
			});
			return values;
		};
	}

}
