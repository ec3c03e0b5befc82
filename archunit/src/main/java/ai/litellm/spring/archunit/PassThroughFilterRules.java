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

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;

/**
 * ArchUnit rules for request filters that most requests only pass through, the JVM
 * analogue of the check LiteLLM added after a middleware base class cost its proxy ~40%
 * of its throughput. They apply to every {@link WebFilter}, {@link HttpHandler} and
 * servlet {@code Filter} among the imported classes (the servlet types are found by name,
 * so the rules load without the Servlet API):
 * {@code PassThroughFilterRules.ALL.check(classes)}.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class PassThroughFilterRules {

	private static final DescribedPredicate<JavaClass> REACTIVE_FILTERS = DescribedPredicate
		.describe("are web filters or HTTP handlers", (javaClass) -> isImplementation(javaClass)
				&& (javaClass.isAssignableTo(WebFilter.class) || javaClass.isAssignableTo(HttpHandler.class)));

	private static final DescribedPredicate<JavaClass> SERVLET_FILTERS = DescribedPredicate.describe(
			"are servlet filters",
			(javaClass) -> isImplementation(javaClass) && javaClass.isAssignableTo("jakarta.servlet.Filter"));

	private static final DescribedPredicate<JavaClass> FILTERS = REACTIVE_FILTERS.or(SERVLET_FILTERS)
		.as("are web filters, HTTP handlers or servlet filters");

	private static final DescribedPredicate<JavaClass> DECORATORS = JavaClass.Predicates
		.assignableTo(ServerWebExchangeDecorator.class)
		.or(JavaClass.Predicates.assignableTo(ServerHttpRequestDecorator.class))
		.or(JavaClass.Predicates.assignableTo(ServerHttpResponseDecorator.class))
		.or(JavaClass.Predicates.assignableTo("jakarta.servlet.ServletRequestWrapper"))
		.or(JavaClass.Predicates.assignableTo("jakarta.servlet.ServletResponseWrapper"));

	/**
	 * Filters are {@code final}: a subclass could add work to every request unseen.
	 */
	public static final ArchRule FILTERS_ARE_FINAL = ArchRuleDefinition.classes()
		.that(FILTERS)
		.should()
		.haveModifier(JavaModifier.FINAL)
		.because("a subclass could add work to every request unseen")
		.allowEmptyShould(true);

	/**
	 * Filters neither are nor create exchange, request or response decorators or servlet
	 * wrappers: they cost every request allocations and indirection.
	 */
	public static final ArchRule FILTERS_DO_NOT_DECORATE = ArchRuleDefinition.noClasses()
		.that(FILTERS)
		.should()
		.beAssignableTo(DECORATORS)
		.orShould()
		.callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(DECORATORS)))
		.orShould()
		.callMethod(ServerWebExchange.class, "mutate")
		.orShould()
		.callMethod(ServerHttpRequest.class, "mutate")
		.because("decorating costs every request allocations and indirection")
		.allowEmptyShould(true);

	/**
	 * Reactive filters neither block nor move work to another scheduler, which stalls or
	 * delays every request (a servlet filter has a thread of its own per request).
	 */
	public static final ArchRule FILTERS_DO_NOT_BLOCK_OR_HOP_THREADS = ArchRuleDefinition.noClasses()
		.that(REACTIVE_FILTERS)
		.should()
		.callMethodWhere(JavaCall.Predicates
			.target(HasName.Predicates.nameMatching("block.*|toFuture|toStream|toIterable|subscribeOn|publishOn"))
			.and(JavaCall.Predicates
				.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Publisher.class)))))
		.orShould()
		.dependOnClassesThat()
		.belongToAnyOf(Schedulers.class)
		.because("blocking or hopping threads stalls or delays every request")
		.allowEmptyShould(true);

	/**
	 * Servlet filters do not extend Spring's {@code OncePerRequestFilter}, whose
	 * bookkeeping measured about 100 ns and 112 bytes per request.
	 */
	public static final ArchRule SERVLET_FILTERS_ARE_NOT_ONCE_PER_REQUEST = ArchRuleDefinition.noClasses()
		.that(SERVLET_FILTERS)
		.should()
		.beAssignableTo("org.springframework.web.filter.OncePerRequestFilter")
		.because("it reads, sets and removes a request attribute on every request")
		.allowEmptyShould(true);

	/**
	 * All of the rules above.
	 */
	public static final ArchRule ALL = CompositeArchRule.of(FILTERS_ARE_FINAL)
		.and(FILTERS_DO_NOT_DECORATE)
		.and(FILTERS_DO_NOT_BLOCK_OR_HOP_THREADS)
		.and(SERVLET_FILTERS_ARE_NOT_ONCE_PER_REQUEST);

	private PassThroughFilterRules() {
	}

	private static boolean isImplementation(JavaClass javaClass) {
		return !javaClass.isInterface() && !javaClass.isAnonymousClass();
	}

}
