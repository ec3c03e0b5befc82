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

package ai.litellm.spring.benchmarks.app;

import java.util.function.Function;

import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * What the {@code composed} and Spring Security modes add to the application, and the
 * filters they add. Spring Security is configured as its reference documentation shows;
 * the JMH benchmarks build their filters from the same classes.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ModeConfigurations {

	private static final String[] METRICS = { "/metrics", "/metrics/**" };

	private ModeConfigurations() {
	}

	// Upgraded to bcrypt at the first login, so every later login runs bcrypt: what a
	// user who configures it this way gets.
	private static UserDetails prometheus() {
		return User.withUsername(LoadTestApplication.USER)
			.password("{noop}" + LoadTestApplication.API_KEY)
			.roles("METRICS")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Composed {

		@Bean
		ComposedMetricsAuthWebFilter composedMetricsAuthWebFilter() {
			return new ComposedMetricsAuthWebFilter(LoadTestApplication.guard());
		}

		@Bean
		PassThroughWebFilter passThroughWebFilter() {
			return new PassThroughWebFilter();
		}

	}

	/**
	 * Spring Security on WebFlux: HTTP Basic on {@code /metrics}, everything else
	 * permitted.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	public static class ReactiveSecurity {

		@Bean
		SecurityWebFilterChain metricsSecurityFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.pathMatchers(METRICS).authenticated());
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll());
			return http.httpBasic(Customizer.withDefaults()).build();
		}

		@Bean
		MapReactiveUserDetailsService prometheusUser() {
			return new MapReactiveUserDetailsService(prometheus());
		}

	}

	/**
	 * Spring Security on Spring MVC, configured as {@link ReactiveSecurity}.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	public static class ServletSecurity {

		@Bean
		InMemoryUserDetailsManager prometheusUser() {
			return new InMemoryUserDetailsManager(prometheus());
		}

		@Bean
		SecurityFilterChain metricsSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(METRICS).authenticated());
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.httpBasic(Customizer.withDefaults()).build();
		}

	}

	/**
	 * A filter that only calls the rest of the chain: what it costs is the framework's
	 * own work per filter.
	 */
	public static final class PassThroughWebFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange);
		}

		@Override
		public String toString() {
			// A constant: Spring's chain calls it per request for its checkpoint.
			return "PassThroughWebFilter";
		}

	}

	/**
	 * The starter's job written in the usual reactive-composition style, the shape of
	 * Spring Security's {@code AuthenticationWebFilter}: a matcher answering with a
	 * {@code Mono<Boolean>}, then {@code filter}, {@code flatMap}, {@code switchIfEmpty}
	 * and {@code defer}. It delegates matching, the key check and the 401 to the
	 * starter's own code, so the only difference the benchmarks see is the pipeline every
	 * request assembles: the JVM analogue of the middleware base class in LiteLLM's blog
	 * post.
	 */
	public static final class ComposedMetricsAuthWebFilter implements WebFilter {

		// The style of Spring Security's ServerWebExchangeMatcher.
		private final Function<ServerWebExchange, Mono<Boolean>> metricsRequests;

		private final MetricsAuthWebFilter metricsRequestFilter;

		/**
		 * Create a filter for the metrics paths of a guard.
		 * @param guard the starter's guard
		 */
		public ComposedMetricsAuthWebFilter(MetricsGuard guard) {
			MetricsPathMatcher paths = guard.getPaths();
			this.metricsRequests = (exchange) -> Mono
				.just(paths.matches(exchange.getRequest().getPath().pathWithinApplication()));
			this.metricsRequestFilter = new MetricsAuthWebFilter(guard, null, MetricsAuthWebFilter.DEFAULT_ORDER);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return this.metricsRequests.apply(exchange)
				.filter(Boolean::booleanValue)
				// thenReturn: an empty Mono<Void> must not make switchIfEmpty run the
				// chain a second time.
				.flatMap((metricsRequest) -> this.metricsRequestFilter.filter(exchange, chain).thenReturn(Boolean.TRUE))
				.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(Boolean.FALSE))
				.then();
		}

		@Override
		public String toString() {
			return "ComposedMetricsAuthWebFilter";
		}

	}

}
