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

package ai.litellm.spring.archunit;

import java.io.IOException;
import java.time.Duration;

import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PassThroughFilterRules}: our own filters pass, and each kind of costly
 * filter is caught, reactive and servlet alike.
 */
class PassThroughFilterRulesTests {

	@Test
	void ourFiltersFollowTheRules() {
		JavaClasses ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("ai.litellm.spring");
		assertThat(ours.contain(MetricsAuthWebFilter.class)).isTrue();
		assertThat(ours.contain(MetricsAuthHttpHandlerDecorator.class)).isTrue();
		assertThat(ours.contain(MetricsAuthServletFilter.class)).isTrue();
		PassThroughFilterRules.ALL.check(ours);
	}

	@Test
	void catchesAFilterThatIsNotFinal() {
		assertViolated(PassThroughFilterRules.FILTERS_ARE_FINAL, OpenFilter.class);
		assertViolated(PassThroughFilterRules.ALL, OpenFilter.class);
	}

	@Test
	void catchesAFilterThatDecoratesTheExchange() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_DECORATE, DecoratingFilter.class);
	}

	@Test
	void catchesAFilterThatMutatesTheExchange() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_DECORATE, MutatingFilter.class);
	}

	@Test
	void catchesAHandlerThatDecoratesTheResponse() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_DECORATE, ResponseDecoratingHandler.class);
	}

	@Test
	void catchesAFilterThatIsItselfADecorator() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_DECORATE, FilterThatIsADecorator.class);
	}

	@Test
	void catchesAFilterThatBlocks() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_BLOCK_OR_HOP_THREADS, BlockingFilter.class);
	}

	@Test
	void catchesAFilterThatHopsThreads() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_BLOCK_OR_HOP_THREADS, ThreadHoppingFilter.class);
	}

	@Test
	void acceptsAPlainPassThroughFilter() {
		PassThroughFilterRules.ALL.check(new ClassFileImporter().importClasses(PassThroughFilter.class));
	}

	@Test
	void acceptsAPlainServletFilterThatWaitsOnThePathItGuards() {
		PassThroughFilterRules.ALL.check(new ClassFileImporter().importClasses(WaitingServletFilter.class));
	}

	@Test
	void catchesAServletFilterThatIsNotFinal() {
		assertViolated(PassThroughFilterRules.FILTERS_ARE_FINAL, OpenServletFilter.class);
	}

	@Test
	void catchesAServletFilterThatWrapsTheRequest() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_DECORATE, RequestWrappingServletFilter.class);
	}

	@Test
	void catchesAServletFilterThatIsAResponseWrapper() {
		assertViolated(PassThroughFilterRules.FILTERS_DO_NOT_DECORATE, ServletFilterThatIsAWrapper.class);
	}

	@Test
	void catchesAServletFilterThatRunsOncePerRequest() {
		assertViolated(PassThroughFilterRules.SERVLET_FILTERS_ARE_NOT_ONCE_PER_REQUEST,
				OncePerRequestServletFilter.class);
		assertViolated(PassThroughFilterRules.ALL, OncePerRequestServletFilter.class);
	}

	private static void assertViolated(ArchRule rule, Class<?> filter) {
		EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(filter));
		assertThat(result.hasViolation()).as("%s violates %s", filter.getSimpleName(), rule.getDescription()).isTrue();
		assertThat(result.getFailureReport().getDetails()).anyMatch((line) -> line.contains(filter.getSimpleName()));
	}

	static final class PassThroughFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange);
		}

	}

	static class OpenFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange);
		}

	}

	static final class DecoratingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(new ServerWebExchangeDecorator(exchange) {
			});
		}

	}

	static final class MutatingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange.mutate().build());
		}

	}

	static final class ResponseDecoratingHandler implements HttpHandler {

		private final HttpHandler delegate = (request, response) -> Mono.empty();

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			return this.delegate.handle(request, new ServerHttpResponseDecorator(response));
		}

	}

	static final class FilterThatIsADecorator extends ServerWebExchangeDecorator implements WebFilter {

		FilterThatIsADecorator(ServerWebExchange delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange);
		}

	}

	static final class BlockingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			Mono.delay(Duration.ofMillis(1)).block();
			return chain.filter(exchange);
		}

	}

	static final class WaitingServletFilter implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if ("/metrics".equals(((HttpServletRequest) request).getRequestURI())) {
				Mono.delay(Duration.ofMillis(1)).block();
			}
			chain.doFilter(request, response);
		}

	}

	static class OpenServletFilter implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(request, response);
		}

	}

	static final class RequestWrappingServletFilter implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request), response);
		}

	}

	static final class ServletFilterThatIsAWrapper extends HttpServletResponseWrapper implements Filter {

		ServletFilterThatIsAWrapper(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(request, response);
		}

	}

	static final class OncePerRequestServletFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, response);
		}

	}

	static final class ThreadHoppingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange).publishOn(Schedulers.boundedElastic());
		}

	}

}
