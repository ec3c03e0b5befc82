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

import ai.litellm.spring.test.SampleAppFixture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.annotation.Bean;
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
 * In the servlet sample app secured by Spring Security with the user's own rules, the
 * guard answers metrics requests first, and the user's rules stay exactly as they were
 * for everything else. Credentials are written {@code Bearer x},
 * {@code Basic user:password} or {@code header-name x}, {@code {key}} for the key.
 * <p>
 * Tagged {@code spring-security}: the build runs it in an execution of its own, the only
 * one with Spring Security on the class path.
 */
@Tag("spring-security")
class ServletSpringSecurityCoexistenceTests extends SampleAppFixture {

	ServletSpringSecurityCoexistenceTests() {
		super(ServletContainer.TOMCAT);
	}

	// A POST without a CSRF token too, which Spring Security would refuse.
	@ParameterizedTest
	@CsvSource(nullValues = "-", textBlock = """
			GET,  /metrics,             -
			GET,  /actuator/prometheus, -
			GET,  /metrics,             Bearer sk-wrong
			POST, /metrics,             -
			""")
	void rejectsMetricsWithoutTheKeyBeforeSpringSecurityWouldPermitThem(String method, String path,
			@Nullable String credentials) {
		ResponseEntity<String> response = exchange(method, path, credentials);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).contains("\"type\":\"auth_error\"").doesNotContain("# TYPE");
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			/metrics,             Bearer {key}
			/metrics,             x-litellm-api-key {key}
			/actuator/prometheus, Bearer {key}
			/actuator/prometheus, x-litellm-api-key {key}
			""")
	void servesMetricsWithTheKeyThroughTheRestOfTheSecurityChain(String path, String credentials) {
		ResponseEntity<String> response = exchange("GET", path, credentials);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		// Written by Spring Security's header writers, further down the chain.
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getBody()).contains("# TYPE jvm_");
	}

	// The key as a Basic password passes the guard; Spring Security's HTTP Basic rejects
	// it. A POST without a CSRF token is refused even with the user's credentials: the
	// CsrfFilter's 403 is dispatched to /error, which these rules keep behind HTTP Basic.
	@ParameterizedTest
	@CsvSource(nullValues = "-", textBlock = """
			GET,  /metrics,             Basic prometheus:{key}
			GET,  /actuator/prometheus, Basic prometheus:{key}
			GET,  /health,              -
			GET,  /actuator/health,     -
			POST, /chat/completions,    -
			POST, /chat/completions,    Basic user:user-password
			GET,  /health,              Bearer {key}
			GET,  /health,              x-litellm-api-key {key}
			GET,  /health,              Basic user:{key}
			""")
	void leavesEverythingButTheKeyOnMetricsToTheUsersRules(String method, String path, @Nullable String credentials) {
		ResponseEntity<String> response = exchange(method, path, credentials);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		// Spring Security 7.1 adds charset="UTF-8" to its challenge.
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).singleElement()
			.asString()
			.startsWith("Basic realm=\"Realm\"");
		assertThat(response.getBody()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/health", "/actuator/health" })
	void servesOtherPathsToTheUser(String path) {
		ResponseEntity<String> response = exchange("GET", path, "Basic user:user-password");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).isNotEmpty();
	}

	private ResponseEntity<String> exchange(String method, String path, @Nullable String credentials) {
		int port = port(guarded(new Class<?>[] { UserSecurity.class }));
		return RestClient.create("http://localhost:" + port)
			.method(HttpMethod.valueOf(method))
			.uri(path)
			.headers((headers) -> {
				headers.setContentType(MediaType.APPLICATION_JSON);
				if (credentials != null) {
					String[] scheme = credentials.replace("{key}", KEY).split(" ", 2);
					switch (scheme[0]) {
						case "Bearer" -> headers.setBearerAuth(scheme[1]);
						case "Basic" -> headers.setBasicAuth(scheme[1].split(":")[0], scheme[1].split(":")[1]);
						default -> headers.set(scheme[0], scheme[1]);
					}
				}
			})
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
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
					User.withUsername("user").password("{noop}user-password").roles("USER").build());
		}

	}

}
