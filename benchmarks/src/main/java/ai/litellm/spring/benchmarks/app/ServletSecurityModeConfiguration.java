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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security on Spring MVC guarding {@code /metrics} with HTTP Basic and permitting
 * everything else, configured the way its reference documentation shows: the servlet
 * counterpart of {@link SecurityModeConfiguration}. The servlet JMH benchmarks build
 * their {@code FilterChainProxy} from this same class.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ServletSecurityModeConfiguration {

	@Bean
	SecurityFilterChain metricsSecurityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/metrics", "/metrics/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	InMemoryUserDetailsManager prometheusUser() {
		return new InMemoryUserDetailsManager(User.withUsername(LoadTestApplication.USER)
			.password("{noop}" + LoadTestApplication.API_KEY)
			.roles("METRICS")
			.build());
	}

}
