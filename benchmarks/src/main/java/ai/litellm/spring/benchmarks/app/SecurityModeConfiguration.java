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

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Spring Security guarding {@code /metrics} with HTTP Basic and permitting everything
 * else, configured the way its reference documentation shows. The JMH benchmarks build
 * their {@code WebFilterChainProxy} from this same class.
 * <p>
 * Note what this costs on {@code /metrics}: {@link MapReactiveUserDetailsService} lets
 * Spring Security upgrade the {@code {noop}} password to bcrypt at the first successful
 * login, so every later login runs a bcrypt check, on {@code boundedElastic} threads.
 * That is what a user who configures it this way gets, so the load test keeps it.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityModeConfiguration {

	@Bean
	SecurityWebFilterChain metricsSecurityFilterChain(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/metrics", "/metrics/**")
				.authenticated()
				.anyExchange()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	MapReactiveUserDetailsService prometheusUser() {
		return new MapReactiveUserDetailsService(User.withUsername(LoadTestApplication.USER)
			.password("{noop}" + LoadTestApplication.API_KEY)
			.roles("METRICS")
			.build());
	}

}
