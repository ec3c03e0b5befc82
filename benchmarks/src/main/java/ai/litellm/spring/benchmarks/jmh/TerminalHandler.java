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

package ai.litellm.spring.benchmarks.jmh;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;

/**
 * The rest of the application behind the filter under test, on either stack: it counts
 * the requests that reach it and does nothing else, so it adds neither time nor
 * allocation of its own.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class TerminalHandler implements WebFilterChain, WebHandler, HttpHandler, FilterChain {

	private static final Mono<Void> HANDLED = Mono.empty();

	long handled;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange) {
		this.handled++;
		return HANDLED;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		return filter(exchange);
	}

	@Override
	public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		this.handled++;
		return HANDLED;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response) {
		this.handled++;
	}

}
