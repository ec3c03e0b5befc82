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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A response that can be committed again after a {@link #reset()}, so that a benchmark
 * can reject millions of requests on one pre-built exchange: Spring's own responses
 * ignore writes once committed, and a fresh exchange per call would time its
 * construction. What happens at commit belongs to the server and is left out: the body is
 * not written, and {@link #beforeCommit} actions are dropped (Spring Security registers
 * some on every request). The load test measures those.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ReusableServerHttpResponse implements ServerHttpResponse {

	private final HttpHeaders headers = new HttpHeaders();

	private final MultiValueMap<String, ResponseCookie> cookies = new LinkedMultiValueMap<>();

	private @Nullable HttpStatusCode statusCode;

	private boolean committed;

	void reset() {
		this.headers.clear();
		this.cookies.clear();
		this.statusCode = null;
		this.committed = false;
	}

	@Override
	public boolean setStatusCode(@Nullable HttpStatusCode status) {
		if (this.committed) {
			return false;
		}
		this.statusCode = status;
		return true;
	}

	@Override
	public @Nullable HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	@Override
	public MultiValueMap<String, ResponseCookie> getCookies() {
		return this.cookies;
	}

	@Override
	public void addCookie(ResponseCookie cookie) {
		this.cookies.add(cookie.getName(), cookie);
	}

	@Override
	public DataBufferFactory bufferFactory() {
		return DefaultDataBufferFactory.sharedInstance;
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		// Dropped: see the class comment.
	}

	@Override
	public boolean isCommitted() {
		return this.committed;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return setComplete();
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return setComplete();
	}

	@Override
	public Mono<Void> setComplete() {
		this.committed = true;
		return Mono.empty();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
