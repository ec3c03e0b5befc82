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

package ai.litellm.spring.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the sample application on a real Netty server with the guard
 * switched on, as configured in its {@code application.yml}.
 */
class SampleApplicationTests {

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "litellm.master-key=" + SampleAppScenarios.KEY)
	@ExtendWith(OutputCaptureExtension.class)
	abstract static class Scenarios extends SampleAppScenarios {

		private WebTestClient client;

		@BeforeEach
		void createClient() {
			this.client = client();
		}

		@Test
		void servesHealthWithoutAKey() {
			this.client.get().uri("/health").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
		}

		@Test
		void servesHealthWhateverCredentialsAreSent() {
			this.client.get()
				.uri("/health")
				.header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
				.header("x-litellm-api-key", "")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("ok");
		}

		@Test
		void servesChatCompletionsWithAndWithoutAKey() {
			chatCompletion().exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.object")
				.isEqualTo("chat.completion");
			chatCompletion().header(HttpHeaders.AUTHORIZATION, "Basic !!")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.choices[0].message.role")
				.isEqualTo("assistant");
		}

		@Test
		void servesMetricsToABearerToken() {
			assertMetricsServed(
					metrics().header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY).exchange());
		}

		@ParameterizedTest
		@ValueSource(strings = { "bearer", "BEARER", "BeArEr" })
		void acceptsTheBearerSchemeInAnyCase(String scheme) {
			assertMetricsServed(
					metrics().header(HttpHeaders.AUTHORIZATION, scheme + " " + SampleAppScenarios.KEY).exchange());
		}

		@Test
		void servesMetricsToBasicAuthWithTheKeyAsPassword() {
			assertMetricsServed(
					metrics().headers((headers) -> headers.setBasicAuth("prometheus", SampleAppScenarios.KEY))
						.exchange());
		}

		@ParameterizedTest
		@ValueSource(strings = { SampleAppScenarios.KEY, "Bearer " + SampleAppScenarios.KEY,
				"bearer " + SampleAppScenarios.KEY })
		void servesMetricsToTheLiteLlmHeader(String value) {
			assertMetricsServed(metrics().header("x-litellm-api-key", value).exchange());
		}

		@Test
		void servesOpenMetricsWhenTheScraperAsksForIt() {
			metrics().header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY)
				.header(HttpHeaders.ACCEPT,
						"application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value(HttpHeaders.CONTENT_TYPE, (type) -> assertThat(type).startsWith("application/openmetrics-text"))
				.expectBody(String.class)
				.value((body) -> assertThat(body).endsWith("# EOF\n"));
		}

		@Test
		void rejectsMetricsWithoutAKey() {
			assertRejected(metrics().exchange(), "no API key was provided");
		}

		@ParameterizedTest
		@ValueSource(strings = { "Bearer sk-wrong", "Bearer " + SampleAppScenarios.KEY + "x",
				"Bearer sk-sample-zx81-key", "Bearer sk-sample-Zx81-ke" })
		void rejectsMetricsWithAWrongKey(String authorization) {
			assertRejected(metrics().header(HttpHeaders.AUTHORIZATION, authorization).exchange(),
					"the API key is invalid");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "Bearer", "Token " + SampleAppScenarios.KEY, "Basic not-base64!",
				SampleAppScenarios.KEY })
		void rejectsMetricsWithMalformedCredentials(String authorization) {
			assertRejected(metrics().header(HttpHeaders.AUTHORIZATION, authorization).exchange(),
					"the credentials are malformed");
		}

		@Test
		void rejectsMetricsWithABasicPasswordThatIsNotTheKey() {
			assertRejected(
					metrics().headers((headers) -> headers.setBasicAuth(SampleAppScenarios.KEY, "sk-wrong")).exchange(),
					"the API key is invalid");
		}

		@Test
		void rejectsMetricsWhenTheLiteLlmHeaderIsWrongEvenIfAuthorizationIsRight() {
			assertRejected(metrics().header("x-litellm-api-key", "sk-wrong")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY)
				.exchange(), "the API key is invalid");
		}

		@ParameterizedTest
		@ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
		void rejectsEveryMethodOnMetricsBeforeTheRouterAnswers(String method) {
			assertRejected(this.client.method(HttpMethod.valueOf(method)).uri("/metrics").exchange(),
					"no API key was provided");
		}

		@Test
		void rejectsHeadOnMetricsWithoutABody() {
			this.client.head()
				.uri("/metrics")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectBody()
				.isEmpty();
		}

		@Test
		void guardsTheActuatorPrometheusEndpointToo() {
			assertRejected(this.client.get().uri("/actuator/prometheus").exchange(), "no API key was provided");
			this.client.get()
				.uri("/actuator/prometheus")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("# TYPE jvm_"));
		}

		@Test
		void leavesTheActuatorHealthEndpointOpen() {
			this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}

		@Test
		void countsARejectedScrapeInTheNextAuthorisedScrape() {
			double before = rejectedWithoutKey(scrape());
			assertRejected(metrics().exchange(), "no API key was provided");
			assertThat(rejectedWithoutKey(scrape())).isEqualTo(before + 1);
		}

		private String scrape() {
			return metrics().header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}

		private static double rejectedWithoutKey(String scrape) {
			Matcher matcher = Pattern.compile(
					"^litellm_metrics_auth_total\\{key=\"none\",outcome=\"rejected\",reason=\"missing_key\"} (\\S+)$",
					Pattern.MULTILINE)
				.matcher(scrape);
			assertThat(matcher.find()).as("rejection counter in %s", scrape).isTrue();
			return Double.parseDouble(matcher.group(1));
		}

		@Test
		void neverLogsTheKey(CapturedOutput output) {
			assertMetricsServed(
					metrics().header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY).exchange());
			assertRejected(metrics().header(HttpHeaders.AUTHORIZATION, "Bearer " + SampleAppScenarios.KEY + "-wrong")
				.exchange(), "the API key is invalid");
			assertRejected(metrics().header("x-litellm-api-key", "Basic " + SampleAppScenarios.KEY).exchange(),
					"the credentials are malformed");
			assertThat(output).doesNotContain(SampleAppScenarios.KEY);
		}

		private WebTestClient.RequestHeadersSpec<?> metrics() {
			return this.client.get().uri("/metrics");
		}

		private WebTestClient.RequestHeadersSpec<?> chatCompletion() {
			return this.client.post()
				.uri("/chat/completions")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
		}

		static void assertMetricsServed(ResponseSpec response) {
			response.expectStatus()
				.isOk()
				.expectHeader()
				.value(HttpHeaders.CONTENT_TYPE,
						(type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase(PROMETHEUS_TEXT))
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("# TYPE jvm_memory_used_bytes gauge"));
		}

		static void assertRejected(ResponseSpec response, String reason) {
			response.expectStatus()
				.isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectHeader()
				.values(HttpHeaders.WWW_AUTHENTICATE,
						(challenges) -> assertThat(challenges).containsExactly("Bearer realm=\"metrics\"",
								"Basic realm=\"metrics\", charset=\"UTF-8\""))
				.expectBody()
				.json("""
						{"error":{"message":"Unauthorized access to metrics endpoint: %s. To allow unauthenticated access, \
						set litellm.require-auth-for-metrics-endpoint=false.","type":"auth_error","param":null,"code":"401"}}"""
					.formatted(reason), org.springframework.test.json.JsonCompareMode.STRICT)
				.jsonPath("$.error.message")
				.value((message) -> assertThat(message.toString()).doesNotContain(SampleAppScenarios.KEY));
		}

	}

}
