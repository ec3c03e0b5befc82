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

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import ai.litellm.spring.archunit.PassThroughFilterRules;
import ai.litellm.spring.autoconfigure.LiteLlmProperties;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our classes follow the {@link PassThroughFilterRules} we publish and the design page's
 * rules we keep for ourselves, and every rule catches classes that break it (ours shown
 * on {@link CoreThatKnowsEveryStack}, in the core's package as this test is, and on the
 * servlet adapter's {@code ArchitectureViolations}).
 */
class ArchitectureTests {

	private static final ArchRule CORE_KNOWS_NO_STACK = ArchRuleDefinition.noClasses()
		.that()
		.resideInAPackage("ai.litellm.spring.metrics")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.http.server.reactive..", "org.springframework.web.server..",
				"org.springframework.web.reactive..", "jakarta.servlet..", "reactor..", "org.springframework.boot..")
		.because("the core decides for every stack, and a user of one stack need not have the others");

	private static final ArchRule ADAPTERS_KNOW_NO_BOOT_WIRING = ArchRuleDefinition.noClasses()
		.that()
		.resideInAnyPackage("ai.litellm.spring.metrics.reactive..", "ai.litellm.spring.metrics.servlet..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("ai.litellm.spring.autoconfigure..", "org.springframework.boot..")
		.because("an adapter must be usable, and testable, without Spring Boot");

	private static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
		.matching("ai.litellm.spring.(**)")
		.should()
		.beFreeOfCycles();

	@Test
	void ourClassesFollowEveryRule() {
		JavaClasses ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("ai.litellm.spring");
		assertThat(List.of(MetricsGuard.class, MetricsAuthWebFilter.class, MetricsAuthHttpHandlerDecorator.class,
				MetricsAuthServletFilter.class, LiteLlmProperties.class))
			.allMatch(ours::contain);
		PassThroughFilterRules.ALL.check(ours);
		CORE_KNOWS_NO_STACK.check(ours);
		ADAPTERS_KNOW_NO_BOOT_WIRING.check(ours);
		NO_PACKAGE_CYCLES.check(ours);
	}

	static Stream<Arguments> violations() {
		Class<?> core = CoreThatKnowsEveryStack.class;
		Class<?> adapter = ai.litellm.spring.metrics.servlet.ArchitectureViolations.class;
		ArchRule decorate = PassThroughFilterRules.FILTERS_DO_NOT_DECORATE;
		ArchRule block = PassThroughFilterRules.FILTERS_DO_NOT_BLOCK_OR_HOP_THREADS;
		return Stream.of(Arguments.of(CORE_KNOWS_NO_STACK, core, ServerWebExchange.class.getName()),
				Arguments.of(CORE_KNOWS_NO_STACK, core, ServerHttpRequest.class.getName()),
				Arguments.of(CORE_KNOWS_NO_STACK, core, ServerRequest.class.getName()),
				Arguments.of(CORE_KNOWS_NO_STACK, core, Mono.class.getName()),
				Arguments.of(CORE_KNOWS_NO_STACK, core, HttpServletRequest.class.getName()),
				Arguments.of(CORE_KNOWS_NO_STACK, core, WebApplicationType.class.getName()),
				Arguments.of(ADAPTERS_KNOW_NO_BOOT_WIRING, adapter, LiteLlmProperties.class.getName()),
				Arguments.of(ADAPTERS_KNOW_NO_BOOT_WIRING, adapter, FilterRegistrationBean.class.getName()),
				// The real WebFilter knows the core: a core class that knows it closes a
				// cycle.
				Arguments.of(NO_PACKAGE_CYCLES, core, MetricsAuthWebFilter.class.getName()),
				Arguments.of(PassThroughFilterRules.FILTERS_ARE_FINAL, CostlyWebFilter.class, "FINAL"),
				Arguments.of(PassThroughFilterRules.FILTERS_ARE_FINAL, CostlyServletFilter.class, "FINAL"),
				Arguments.of(decorate, CostlyWebFilter.class, "ServerHttpRequestDecorator.<init>"),
				Arguments.of(decorate, CostlyWebFilter.class, "ServerWebExchange.mutate()"),
				Arguments.of(decorate, ResponseDecoratingHandler.class, "ServerHttpResponseDecorator.<init>"),
				Arguments.of(decorate, CostlyServletFilter.class, "HttpServletRequestWrapper.<init>"),
				Arguments.of(decorate, ServletFilterThatIsAWrapper.class, "ServletResponseWrapper"),
				Arguments.of(block, CostlyWebFilter.class, "Mono.block("),
				Arguments.of(block, CostlyWebFilter.class, "Mono.publishOn("),
				Arguments.of(PassThroughFilterRules.SERVLET_FILTERS_ARE_NOT_ONCE_PER_REQUEST, CostlyServletFilter.class,
						"OncePerRequestFilter"));
	}

	@ParameterizedTest(name = "{1}: {2}")
	@MethodSource("violations")
	void catchesAClassThatBreaksARule(ArchRule rule, Class<?> violating, String what) {
		boolean ours = Set.of(CORE_KNOWS_NO_STACK, ADAPTERS_KNOW_NO_BOOT_WIRING, NO_PACKAGE_CYCLES).contains(rule);
		// A published rule is part of ALL too.
		for (ArchRule caughtBy : ours ? List.of(rule) : List.of(rule, PassThroughFilterRules.ALL)) {
			assertThat(violations(caughtBy, violating))
				.anyMatch((line) -> line.contains(violating.getName()) && line.contains(what));
		}
	}

	@Test
	void letsTheCoreReadSpringWebsParsedPath() {
		assertThat(violations(CORE_KNOWS_NO_STACK, CoreThatKnowsEveryStack.class)).noneMatch(
				(line) -> line.contains(PathContainer.class.getName()) || line.contains(RequestPath.class.getName()));
	}

	@Test
	void letsAServletFilterWaitOnThePathItGuards() {
		PassThroughFilterRules.ALL.check(new ClassFileImporter().importClasses(WaitingServletFilter.class));
	}

	private static List<String> violations(ArchRule rule, Class<?> violating) {
		// The real adapter and core come along, for the cycle.
		EvaluationResult result = rule
			.evaluate(new ClassFileImporter().importClasses(violating, MetricsAuthWebFilter.class, MetricsGuard.class));
		assertThat(result.hasViolation()).as("%s violates %s", violating.getName(), rule.getDescription()).isTrue();
		return result.getFailureReport().getDetails();
	}

	/**
	 * A core class that knows every stack the core must not and an adapter (which knows
	 * the core: a cycle), besides spring-web's parsed path, which the core may read since
	 * both stacks parse it.
	 */
	static final class CoreThatKnowsEveryStack {

		ServerWebExchange exchange;

		ServerHttpRequest reactiveRequest;

		ServerRequest functionalRequest;

		Mono<Boolean> answer;

		HttpServletRequest servletRequest;

		WebApplicationType applicationType;

		MetricsAuthWebFilter adapter;

		PathContainer path;

		RequestPath requestPath;

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

	static class CostlyWebFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			Mono.delay(Duration.ofMillis(1)).block();
			ServerWebExchange decorated = exchange.mutate()
				.request(new ServerHttpRequestDecorator(exchange.getRequest()))
				.build();
			return chain.filter(decorated).publishOn(Schedulers.boundedElastic());
		}

	}

	static final class ResponseDecoratingHandler implements HttpHandler {

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			return new ServerHttpResponseDecorator(response).setComplete();
		}

	}

	static class CostlyServletFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(new HttpServletRequestWrapper(request), response);
		}

	}

	static final class ServletFilterThatIsAWrapper extends HttpServletResponseWrapper implements Filter {

		ServletFilterThatIsAWrapper(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {
		}

	}

}
