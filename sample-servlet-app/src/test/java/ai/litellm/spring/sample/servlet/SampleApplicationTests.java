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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the servlet sample application on a real Tomcat, with the guard
 * switched off until the starter guards servlet applications.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"litellm.require-auth-for-metrics-endpoint=false",
		// Jetty is on the test class path too (see ServletContainer), and Spring Boot 4
		// would pick it; Boot 3.5 prefers Tomcat and ignores the exclusion of a class it
		// does not have.
		"spring.autoconfigure.exclude=org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration" })
class SampleApplicationTests {

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigurableApplicationContext context;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void runsOnTomcat() {
		assertThat(ServletContainer.runningIn(this.context)).isEqualTo(ServletContainer.TOMCAT);
	}

	@Test
	void servesHealth() {
		ResponseEntity<String> health = this.client.get().uri("/health").retrieve().toEntity(String.class);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getHeaders().getContentType()).matches((type) -> type.isCompatibleWith(MediaType.TEXT_PLAIN));
		assertThat(health.getBody()).isEqualTo("ok");
	}

	@Test
	void servesPrometheusTextByDefault() {
		ResponseEntity<String> metrics = this.client.get().uri("/metrics").retrieve().toEntity(String.class);
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isNotNull()
			.satisfies((type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase(PROMETHEUS_TEXT));
		assertThat(metrics.getBody()).contains("# TYPE jvm_memory_used_bytes gauge");
	}

	@Test
	void servesOpenMetricsWhenTheScraperAsksForIt() {
		ResponseEntity<String> metrics = this.client.get()
			.uri("/metrics")
			.header(HttpHeaders.ACCEPT,
					"application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
			.retrieve()
			.toEntity(String.class);
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/openmetrics-text");
		assertThat(metrics.getBody()).contains("# TYPE jvm_").endsWith("# EOF\n");
	}

	@Test
	void servesPrometheusTextWhenTheScraperAsksForIt() {
		ResponseEntity<String> metrics = this.client.get()
			.uri("/metrics")
			.header(HttpHeaders.ACCEPT, "text/plain;version=0.0.4;q=1,*/*;q=0.1")
			.retrieve()
			.toEntity(String.class);
		assertThat(metrics.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isNotNull()
			.satisfies((type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase(PROMETHEUS_TEXT));
		assertThat(metrics.getBody()).contains("# TYPE jvm_").doesNotContain("# EOF");
	}

	@Test
	void servesTheActuatorPrometheusEndpoint() {
		ResponseEntity<String> metrics = this.client.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.toEntity(String.class);
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getBody()).contains("# TYPE jvm_");
	}

	@Test
	void servesTheActuatorHealthEndpoint() {
		String health = this.client.get().uri("/actuator/health").retrieve().body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
	}

	@Test
	void answersChatCompletionsWithTheCannedCompletion() {
		ResponseEntity<String> completion = this.client.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
			.retrieve()
			.toEntity(String.class);
		assertThat(completion.getStatusCode().value()).isEqualTo(200);
		assertThat(completion.getHeaders().getContentType())
			.matches((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
		assertThat(completion.getBody()).isEqualTo(ChatCompletionsHandler.COMPLETION);
	}

}
