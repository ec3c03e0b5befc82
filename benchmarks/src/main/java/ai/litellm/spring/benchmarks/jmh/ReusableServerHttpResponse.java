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
 * can reject millions of requests on one pre-built exchange.
 * <p>
 * Why not the usual choices: a fresh exchange per operation would add the exchange's own
 * construction (request parsing, headers, attributes, session lookup) to every figure,
 * and {@code @Setup(Level.Invocation)} distorts operations that last well under a
 * microsecond. Spring's {@code AbstractServerHttpResponse} (and so
 * {@code MockServerHttpResponse}) cannot be reused: once committed its headers are
 * read-only and it ignores later writes, which would make rejections look free or fail.
 * <p>
 * What a rejection costs the filter is measured in full: status, headers, and the body
 * publisher it builds. What happens at commit belongs to the server and is left out: the
 * body publisher is kept, not written, and {@link #beforeCommit} actions are not kept
 * (Spring Security registers some on every request, which would pile up on a reused
 * response). The load test measures those on a real server.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ReusableServerHttpResponse implements ServerHttpResponse {

	private final HttpHeaders headers = new HttpHeaders();

	private final MultiValueMap<String, ResponseCookie> cookies = new LinkedMultiValueMap<>();

	private @Nullable HttpStatusCode statusCode;

	private boolean committed;

	private @Nullable Publisher<? extends DataBuffer> body;

	/**
	 * Make the response new again. Does not allocate.
	 */
	public void reset() {
		this.headers.clear();
		this.cookies.clear();
		this.statusCode = null;
		this.committed = false;
		this.body = null;
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
		// Not kept: see the class comment.
	}

	@Override
	public boolean isCommitted() {
		return this.committed;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		this.committed = true;
		this.body = body;
		return Mono.empty();
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		this.committed = true;
		return Mono.empty();
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

	/**
	 * Return the body publisher of the last write.
	 * @return the body, or {@code null} if nothing was written since the last reset
	 */
	public @Nullable Publisher<? extends DataBuffer> getBody() {
		return this.body;
	}

}
