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
 * What the {@code composed} and Spring Security modes add to the application. Spring
 * Security is configured as its reference documentation shows; the JMH benchmarks build
 * their filters from the same classes.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ModeConfigurations {

	private static final String[] METRICS = { "/metrics", "/metrics/**" };

	private ModeConfigurations() {
	}

	// The {noop} password is upgraded to bcrypt at the first login, so every later login
	// runs bcrypt: what a user who configures it this way gets, so the load test keeps
	// it.
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

}
