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

package ai.litellm.spring.smoke;

import java.time.Duration;

import ai.litellm.spring.test.PublishedJar;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application that adds nothing but the starter and two properties: the guard
 * is active, and the starter brought neither actuator nor Micrometer along. The
 * compatibility matrix runs this module on every supported Spring Boot generation against
 * the one published jar; {@link #runsTheGuardFromThePublishedJarOnTheChosenSpringBoot()}
 * proves which Boot and which jar.
 */
@SpringBootTest(classes = StarterSmokeTests.PlainWebFluxApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=sk-smoke" })
class StarterSmokeTests {

	@LocalServerPort
	private int port;

	@Test
	void guardsMetricsFromTheDependencyAndTwoProperties() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		client.get()
			.uri("/metrics")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("auth_error");
		client.get()
			.uri("/metrics")
			.header("Authorization", "Bearer sk-smoke")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("metrics");
		client.get().uri("/hello").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("hello");
	}

	@Test
	void bringsNoOptionalIntegrationAlong() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(
				ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints", classLoader))
			.isFalse();
		assertThat(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", classLoader)).isFalse();
	}

	@Test
	void runsTheGuardFromThePublishedJarOnTheChosenSpringBoot() throws Exception {
		PublishedJar.assertGuardRunsFromThePublishedJar();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainWebFluxApplication {

		// Every path answers with its own name: /metrics with "metrics".
		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route()
				.GET("/{name}", (request) -> ServerResponse.ok().bodyValue(request.pathVariable("name")))
				.build();
		}

	}

}
