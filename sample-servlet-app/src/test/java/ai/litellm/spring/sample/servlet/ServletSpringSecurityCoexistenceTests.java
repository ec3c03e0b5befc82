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

package ai.litellm.spring.sample.servlet;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the servlet sample app secured by Spring Security with the user's own rules, which
 * permit the metrics paths to everyone and require HTTP Basic for everything else, the
 * guard answers metrics requests first, and the user's rules stay exactly as they were
 * for everything else: the servlet counterpart of the autoconfigure module's
 * {@code SpringSecurityCoexistenceTests}.
 * <p>
 * Tagged {@code spring-security}: the build runs it in an execution of its own, the only
 * one with Spring Security on the class path.
 */
@Tag("spring-security")
@SpringBootTest(classes = { SampleApplication.class, ServletSpringSecurityCoexistenceTests.UserSecurity.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
class ServletSpringSecurityCoexistenceTests extends ServletSampleAppScenarios {

	private static final String USER = "user";

	private static final String PASSWORD = "user-password";

	private static final Consumer<HttpHeaders> NO_HEADERS = (headers) -> {
	};

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void runsTheGuardBeforeSpringSecuritysFilterChain() {
		int guard = this.context.getBean("metricsAuthFilterRegistration", Ordered.class).getOrder();
		int springSecurity = this.context.getBean("securityFilterChainRegistration", Ordered.class).getOrder();
		assertThat(guard).isEqualTo(-1000).isLessThan(springSecurity);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/actuator/prometheus" })
	void rejectsMetricsWithoutAKeyBeforeSpringSecurityWouldPermitThem(String path) {
		ResponseEntity<String> response = exchange(HttpMethod.GET, path, NO_HEADERS);
		assertRejectedByTheGuard(response);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void rejectsMetricsWithAWrongKeyBeforeSpringSecurityWouldPermitThem() {
		assertRejectedByTheGuard(exchange(HttpMethod.GET, "/metrics", (headers) -> headers.setBearerAuth("sk-wrong")));
	}

	@Test
	void answersBeforeSpringSecuritysCsrfProtection() {
		assertRejectedByTheGuard(exchange(HttpMethod.POST, "/metrics", NO_HEADERS));
		// Spring Security refuses a POST without a CSRF token even with the user's right
		// credentials: its CsrfFilter runs before authentication, and the 403 it sends
		// is dispatched to /error, which these rules keep behind HTTP Basic, so the
		// client sees Spring Security's 401.
		assertRejectedBySpringSecurity(exchange(HttpMethod.POST, "/chat/completions", (headers) -> {
			headers.setBasicAuth(USER, PASSWORD);
			headers.setContentType(MediaType.APPLICATION_JSON);
		}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/actuator/prometheus" })
	void servesMetricsWithTheKeyThroughTheRestOfTheSecurityChain(String path) {
		for (Consumer<HttpHeaders> key : List.<Consumer<HttpHeaders>>of((headers) -> headers.setBearerAuth(KEY),
				(headers) -> headers.set("x-litellm-api-key", KEY))) {
			ResponseEntity<String> response = exchange(HttpMethod.GET, path, key);
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			// Written by Spring Security's header writers, further down the chain.
			assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.getBody()).contains("# TYPE jvm_");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/actuator/prometheus" })
	void leavesTheKeyAsABasicAuthPasswordToSpringSecuritysHttpBasicWhichRejectsIt(String path) {
		assertRejectedBySpringSecurity(
				exchange(HttpMethod.GET, path, (headers) -> headers.setBasicAuth("prometheus", KEY)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/health", "/actuator/health" })
	void leavesTheUsersRulesForOtherPathsUnchanged(String path) {
		ResponseEntity<String> anonymous = exchange(HttpMethod.GET, path, NO_HEADERS);
		assertRejectedBySpringSecurity(anonymous);
		ResponseEntity<String> user = exchange(HttpMethod.GET, path, (headers) -> headers.setBasicAuth(USER, PASSWORD));
		assertThat(user.getStatusCode().value()).isEqualTo(200);
		assertThat(user.getBody()).isNotEmpty();
	}

	@Test
	void leavesTheChatCompletionsToTheUsersRules() {
		assertRejectedBySpringSecurity(exchange(HttpMethod.POST, "/chat/completions",
				(headers) -> headers.setContentType(MediaType.APPLICATION_JSON)));
	}

	@Test
	void grantsNothingButMetricsToTheMetricsKey() {
		assertRejectedBySpringSecurity(exchange(HttpMethod.GET, "/health", (headers) -> headers.setBearerAuth(KEY)));
		assertRejectedBySpringSecurity(
				exchange(HttpMethod.GET, "/health", (headers) -> headers.set("x-litellm-api-key", KEY)));
		assertRejectedBySpringSecurity(
				exchange(HttpMethod.GET, "/health", (headers) -> headers.setBasicAuth(USER, KEY)));
	}

	private ResponseEntity<String> exchange(HttpMethod method, String path, Consumer<HttpHeaders> headers) {
		return this.client.method(method)
			.uri(path)
			.headers(headers)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	private static void assertRejectedByTheGuard(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).contains("\"type\":\"auth_error\"").doesNotContain("# TYPE");
	}

	private static void assertRejectedBySpringSecurity(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		// Spring Security 7.1 adds charset="UTF-8" to its challenge.
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).singleElement()
			.asString()
			.startsWith("Basic realm=\"Realm\"");
		assertThat(response.getBody()).isNull();
	}

	/**
	 * The user's own security: the metrics paths open to everyone, everything else behind
	 * HTTP Basic. A plain class rather than a {@code @Configuration}, so that the sample
	 * app's component scan in the other tests never finds it.
	 */
	static class UserSecurity {

		@Bean
		SecurityFilterChain userSecurity(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/metrics/**", "/actuator/prometheus")
					.permitAll()
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
		}

	}

}
