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

package ai.litellm.spring.autoconfigure;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * In an application secured by Spring Security with the user's own rules, the guard
 * answers metrics requests first, and the user's rules stay exactly as they were for
 * everything else.
 */
class SpringSecurityCoexistenceTests {

	private static final String KEY = "sk-metrics-7781";

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = "litellm.metrics-auth.adapter=http-handler")
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY })
	abstract static class Scenarios {

		@LocalServerPort
		int port;

		WebTestClient client;

		@BeforeEach
		void createClient() {
			this.client = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + this.port)
				.responseTimeout(Duration.ofSeconds(30))
				.build();
		}

		@Test
		void rejectsMetricsWithoutAKeyBeforeSpringSecurityWouldPermitThem() {
			get("/metrics").expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"",
						"Basic realm=\"metrics\", charset=\"UTF-8\"")
				.expectBody()
				.jsonPath("$.error.type")
				.isEqualTo("auth_error");
		}

		@Test
		void answersBeforeSpringSecuritysCsrfProtection() {
			// Spring Security would refuse this POST, without a CSRF token, with a 403.
			this.client.post()
				.uri("/metrics")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.type")
				.isEqualTo("auth_error");
			this.client.post()
				.uri("/public")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.consumeWith((body) -> {
				});
		}

		@Test
		void servesMetricsWithTheKeyThroughTheRestOfTheSecurityChain() {
			get("/metrics", (headers) -> headers.setBearerAuth(KEY)).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectBody(String.class)
				.isEqualTo("# TYPE requests counter\n");
		}

		@Test
		void leavesTheUsersRulesForOtherPathsUnchanged() {
			get("/public").expectStatus().isOk().expectBody(String.class).isEqualTo("public");
			get("/admin").expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Realm\"")
				.expectBody()
				.isEmpty();
			get("/admin", (headers) -> headers.setBasicAuth("admin", "admin-password")).expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("admin");
		}

		@Test
		void grantsNothingButMetricsToTheMetricsKey() {
			get("/admin", (headers) -> headers.setBearerAuth(KEY)).expectStatus()
				.isUnauthorized()
				.expectBody()
				.isEmpty();
			get("/admin", (headers) -> headers.setBasicAuth("admin", KEY)).expectStatus()
				.isUnauthorized()
				.expectBody()
				.isEmpty();
		}

		private WebTestClient.ResponseSpec get(String uri) {
			return this.client.get().uri(uri).exchange();
		}

		private WebTestClient.ResponseSpec get(String uri, Consumer<HttpHeaders> headers) {
			return this.client.get().uri(uri).headers(headers).exchange();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route()
				.GET("/metrics", (request) -> ServerResponse.ok().bodyValue("# TYPE requests counter\n"))
				.GET("/public", (request) -> ServerResponse.ok().bodyValue("public"))
				.GET("/admin", (request) -> ServerResponse.ok().bodyValue("admin"))
				.build();
		}

		@Bean
		SecurityWebFilterChain userSecurity(ServerHttpSecurity http) {
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.pathMatchers("/admin/**").hasRole("ADMIN").anyExchange().permitAll())
				.httpBasic((basic) -> {
				})
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build());
		}

	}

}
