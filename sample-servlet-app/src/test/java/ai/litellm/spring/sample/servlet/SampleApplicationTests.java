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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the servlet sample application on a real Tomcat with the guard
 * switched on, as configured in its {@code application.yml}: the servlet counterpart of
 * the WebFlux sample app's tests, through a {@link RestClient} instead of a
 * {@code WebTestClient}, which needs WebFlux.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests extends ServletSampleAppScenarios {

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	private static final String BEARER_KEY = "Bearer " + KEY;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void servesHealthWithoutAKey() {
		ResponseEntity<String> health = exchange(this.client.get().uri("/health"));
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getHeaders().getContentType()).matches((type) -> type.isCompatibleWith(MediaType.TEXT_PLAIN));
		assertThat(health.getBody()).isEqualTo("ok");
	}

	@Test
	void servesHealthWhateverCredentialsAreSent() {
		ResponseEntity<String> health = exchange(this.client.get()
			.uri("/health")
			.header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
			.header("x-litellm-api-key", ""));
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).isEqualTo("ok");
	}

	@Test
	void servesChatCompletionsWithAndWithoutAKey() {
		ResponseEntity<String> withoutKey = exchange(chatCompletion());
		assertThat(withoutKey.getStatusCode().value()).isEqualTo(200);
		assertThat(withoutKey.getHeaders().getContentType())
			.matches((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
		assertThat(withoutKey.getBody()).isEqualTo(ChatCompletionsHandler.COMPLETION);
		ResponseEntity<String> withMalformedCredentials = exchange(
				chatCompletion().header(HttpHeaders.AUTHORIZATION, "Basic !!"));
		assertThat(withMalformedCredentials.getStatusCode().value()).isEqualTo(200);
		assertThat(withMalformedCredentials.getBody()).isEqualTo(ChatCompletionsHandler.COMPLETION);
	}

	@Test
	void servesMetricsToABearerToken() {
		assertMetricsServed(exchange(metrics().header(HttpHeaders.AUTHORIZATION, BEARER_KEY)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bearer", "BEARER", "BeArEr" })
	void acceptsTheBearerSchemeInAnyCase(String scheme) {
		assertMetricsServed(exchange(metrics().header(HttpHeaders.AUTHORIZATION, scheme + " " + KEY)));
	}

	@Test
	void servesMetricsToBasicAuthWithTheKeyAsPassword() {
		assertMetricsServed(exchange(metrics().headers((headers) -> headers.setBasicAuth("prometheus", KEY))));
	}

	@ParameterizedTest
	@ValueSource(strings = { KEY, BEARER_KEY, "bearer " + KEY })
	void servesMetricsToTheLiteLlmHeader(String value) {
		assertMetricsServed(exchange(metrics().header("x-litellm-api-key", value)));
	}

	@Test
	void servesPrometheusTextByDefault() {
		// Through the raw client, since RestClient always sends an Accept header.
		RawResponse metrics = raw().send("GET", "/metrics", "Authorization: " + BEARER_KEY);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.head().replace(" ", "")).containsIgnoringCase("Content-Type:" + PROMETHEUS_TEXT);
		assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
	}

	@Test
	void servesOpenMetricsWhenTheScraperAsksForIt() {
		ResponseEntity<String> metrics = exchange(metrics().header(HttpHeaders.AUTHORIZATION, BEARER_KEY)
			.header(HttpHeaders.ACCEPT,
					"application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/openmetrics-text");
		assertThat(metrics.getBody()).contains("# TYPE jvm_").endsWith("# EOF\n");
	}

	@Test
	void servesPrometheusTextWhenTheScraperAsksForIt() {
		ResponseEntity<String> metrics = exchange(metrics().header(HttpHeaders.AUTHORIZATION, BEARER_KEY)
			.header(HttpHeaders.ACCEPT, "text/plain;version=0.0.4;q=1,*/*;q=0.1"));
		assertMetricsServed(metrics);
		assertThat(metrics.getBody()).doesNotContain("# EOF");
	}

	@Test
	void rejectsMetricsWithoutAKey() {
		assertRejected(exchange(metrics()), "no API key was provided");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Bearer sk-wrong", BEARER_KEY + "x", "Bearer sk-sample-zx81-key", "Bearer sk-sample-Zx81-ke" })
	void rejectsMetricsWithAWrongKey(String authorization) {
		assertRejected(exchange(metrics().header(HttpHeaders.AUTHORIZATION, authorization)), "the API key is invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer", "Token " + KEY, "Basic not-base64!", KEY })
	void rejectsMetricsWithMalformedCredentials(String authorization) {
		assertRejected(exchange(metrics().header(HttpHeaders.AUTHORIZATION, authorization)),
				"the credentials are malformed");
	}

	@Test
	void rejectsMetricsWithABasicPasswordThatIsNotTheKey() {
		assertRejected(exchange(metrics().headers((headers) -> headers.setBasicAuth(KEY, "sk-wrong"))),
				"the API key is invalid");
	}

	@Test
	void rejectsMetricsWhenTheLiteLlmHeaderIsWrongEvenIfAuthorizationIsRight() {
		assertRejected(exchange(
				metrics().header("x-litellm-api-key", "sk-wrong").header(HttpHeaders.AUTHORIZATION, BEARER_KEY)),
				"the API key is invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
	void rejectsEveryMethodOnMetricsBeforeTheRouterAnswers(String method) {
		assertRejected(exchange(this.client.method(HttpMethod.valueOf(method)).uri("/metrics")),
				"no API key was provided");
	}

	@Test
	void rejectsHeadOnMetricsWithoutABody() {
		ResponseEntity<String> head = exchange(this.client.head().uri("/metrics"));
		assertThat(head.getStatusCode().value()).isEqualTo(401);
		assertThat(head.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(head.getBody()).isNull();
	}

	@Test
	void guardsTheActuatorPrometheusEndpointToo() {
		assertRejected(exchange(this.client.get().uri("/actuator/prometheus")), "no API key was provided");
		ResponseEntity<String> metrics = exchange(
				this.client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, BEARER_KEY));
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(metrics.getBody()).contains("# TYPE jvm_");
	}

	@Test
	void leavesTheActuatorHealthEndpointOpen() {
		ResponseEntity<String> health = exchange(this.client.get().uri("/actuator/health"));
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).contains("\"status\":\"UP\"");
	}

	@Test
	void countsARejectedScrapeInTheNextAuthorisedScrape() {
		double before = rejectedWithoutKey(scrape());
		assertRejected(exchange(metrics()), "no API key was provided");
		assertThat(rejectedWithoutKey(scrape())).isEqualTo(before + 1);
	}

	@Test
	void neverLogsTheKey(CapturedOutput output) {
		assertMetricsServed(exchange(metrics().header(HttpHeaders.AUTHORIZATION, BEARER_KEY)));
		assertRejected(exchange(metrics().header(HttpHeaders.AUTHORIZATION, BEARER_KEY + "-wrong")),
				"the API key is invalid");
		assertRejected(exchange(metrics().header("x-litellm-api-key", "Basic " + KEY)),
				"the credentials are malformed");
		assertThat(output).doesNotContain(KEY);
	}

	private String scrape() {
		ResponseEntity<String> metrics = exchange(metrics().header(HttpHeaders.AUTHORIZATION, BEARER_KEY));
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getBody()).isNotNull();
		return metrics.getBody();
	}

	private static double rejectedWithoutKey(String scrape) {
		Matcher matcher = Pattern
			.compile("^litellm_metrics_auth_total\\{key=\"none\",outcome=\"rejected\",reason=\"missing_key\"} (\\S+)$",
					Pattern.MULTILINE)
			.matcher(scrape);
		assertThat(matcher.find()).as("rejection counter in %s", scrape).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private RestClient.RequestHeadersSpec<?> metrics() {
		return this.client.get().uri("/metrics");
	}

	private RestClient.RequestHeadersSpec<?> chatCompletion() {
		return this.client.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
	}

	/**
	 * Send the request and return the response whatever its status.
	 * @param request the request
	 * @return the response, with a {@code null} body if it had none
	 */
	private static ResponseEntity<String> exchange(RestClient.RequestHeadersSpec<?> request) {
		return request.retrieve().onStatus((status) -> true, (ignored, response) -> {
		}).toEntity(String.class);
	}

	static void assertMetricsServed(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getCacheControl()).as("no shared cache keeps what a key unlocked")
			.isEqualTo("no-store");
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isNotNull()
			.satisfies((type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase(PROMETHEUS_TEXT));
		assertThat(response.getBody()).contains("# TYPE jvm_memory_used_bytes gauge");
	}

	static void assertRejected(ResponseEntity<String> response, String reason) {
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		assertThat(response.getBody()).isNotNull().doesNotContain(KEY);
		assertThat(new JsonContent(response.getBody())).isStrictlyEqualTo("""
				{"error":{"message":"Unauthorized access to metrics endpoint: %s. To allow unauthenticated access, \
				set litellm.require-auth-for-metrics-endpoint=false.","type":"auth_error","param":null,"code":"401"}}"""
			.formatted(reason));
	}

}
