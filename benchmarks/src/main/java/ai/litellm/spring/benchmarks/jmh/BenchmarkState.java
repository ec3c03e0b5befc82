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

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;

/**
 * What every benchmark shares: JMH's settings ({@code jmh.sh} can override them), the
 * application behind the filters, Spring Security as a security mode configures it, and
 * the subscriber of what the filters return (an unsubscribed {@code Mono} does nothing):
 * the state itself, allocation-free and reusable since every pipeline here completes
 * synchronously.
 *
 * @author LiteLLM Spring Boot contributors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public abstract class BenchmarkState implements CoreSubscriber<Void> {

	static {
		// As in the load-test application: at DEBUG, Logback's default in a plain
		// context, Spring Security would format messages on every request.
		LoggingSystem.get(BenchmarkState.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
	}

	final TerminalHandler application = new TerminalHandler();

	long completions;

	private @Nullable Throwable error;

	private @Nullable AnnotationConfigApplicationContext security;

	<T> T securityBean(Class<?> securityConfiguration, Class<T> type) {
		this.security = new AnnotationConfigApplicationContext(securityConfiguration);
		return this.security.getBean(type);
	}

	@TearDown
	public void tearDown() {
		if (this.security != null) {
			this.security.close();
		}
		if (this.error != null) {
			throw new IllegalStateException("A subscription failed", this.error);
		}
	}

	final void run(Mono<Void> result) {
		result.subscribe(this);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(Void value) {
	}

	@Override
	public void onError(Throwable error) {
		this.error = error;
	}

	@Override
	public void onComplete() {
		this.completions++;
	}

	static ServerWebExchange exchange(ServerHttpRequest request, ServerHttpResponse response) {
		// With its session resolved: Spring Security asks for it on every request, and a
		// new one is created on another thread, which only the load test can time.
		ServerWebExchange exchange = new DefaultServerWebExchange(request, response, new DefaultWebSessionManager(),
				ServerCodecConfigurer.create(), new AcceptHeaderLocaleContextResolver());
		exchange.getSession().block(Duration.ofSeconds(10));
		return exchange;
	}

	/**
	 * The rest of the application behind the filter under test, on either stack: it only
	 * counts the requests that reach it, adding neither time nor allocation.
	 */
	static final class TerminalHandler implements WebFilterChain, WebHandler, HttpHandler, FilterChain {

		long handled;

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.handled++;
			return Mono.empty();
		}

		@Override
		public Mono<Void> handle(ServerWebExchange exchange) {
			return filter(exchange);
		}

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			this.handled++;
			return Mono.empty();
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) {
			this.handled++;
		}

	}

	/**
	 * A response that can be committed again after a {@link #reset()}, so that a
	 * benchmark can reject millions of requests on one pre-built exchange: Spring's own
	 * responses ignore writes once committed, and a fresh exchange per call would time
	 * its construction. What happens at commit belongs to the server and is left out: the
	 * body is not written, and {@link #beforeCommit} actions are dropped (Spring Security
	 * registers some on every request). The load test measures those.
	 */
	static final class ReusableServerHttpResponse implements ServerHttpResponse {

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

}
