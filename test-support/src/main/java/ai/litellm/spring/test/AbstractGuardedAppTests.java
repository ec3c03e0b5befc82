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

package ai.litellm.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's promises with the guard on, through a real server: health and chat
 * completions are open, the metrics are served to the key in every form a scraper sends
 * it and refused otherwise in LiteLLM's error shape, credentials as an attacker sends
 * them never get through or into the log, and rejections are counted.
 *
 * @author LiteLLM Spring Boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractGuardedAppTests extends SampleAppFixture {

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	protected AbstractGuardedAppTests(SampleApp sampleApp) {
		super(sampleApp);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Authorization: Bearer wrong", "x-litellm-api-key: " })
	void servesHealthWhateverCredentialsAreSent(String credentials) {
		RawResponse health = send("GET", "/health", credentials);
		assertThat(health.status()).isEqualTo(200);
		assertThat(header(health, "Content-Type")).singleElement().asString().startsWith("text/plain");
		assertThat(health.body()).isEqualTo("ok");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Authorization: Basic !!" })
	void servesChatCompletionsWithAndWithoutAKey(String credentials) {
		String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		RawResponse completion = raw().exchange(("POST /chat/completions HTTP/1.1\r\nHost: localhost\r\n"
				+ (credentials.isEmpty() ? "" : credentials + "\r\n") + "Content-Type: application/json\r\n"
				+ "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
			.getBytes(StandardCharsets.UTF_8));
		assertThat(completion.status()).isEqualTo(200);
		assertThat(header(completion, "Content-Type")).singleElement().asString().startsWith("application/json");
		assertThat(new JsonContent(completion.body())).extractingPath("$.object").isEqualTo("chat.completion");
		assertThat(new JsonContent(completion.body())).extractingPath("$.choices[0].message.role")
			.isEqualTo("assistant");
	}

	// Also what shows that the attacks below are meaningful.
	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Bearer " + KEY, "Authorization: bearer " + KEY,
			"Authorization: BEARER " + KEY, "Authorization: BeArEr " + KEY, "AUTHORIZATION: bearer " + KEY,
			"Authorization: Bearer\t" + KEY, "Authorization: Basic cHJvbWV0aGV1czpzay1zYW1wbGUtWng4MS1rZXk=",
			"Authorization: Basic OnNrLXNhbXBsZS1aeDgxLWtleQ==", "x-litellm-api-key: " + KEY,
			"x-litellm-api-key: Bearer " + KEY, "x-litellm-api-key: bearer " + KEY, "X-LiteLLM-API-Key: Bearer " + KEY,
			"x-litellm-api-key: " + KEY + "\r\nAuthorization: Bearer wrong",
			"Authorization: Bearer " + KEY + "\r\nAccept: text/plain;version=0.0.4;q=1,*/*;q=0.1" })
	void servesPrometheusTextToTheKeyInEveryFormAndLogsNoKey(String credentials, CapturedOutput output) {
		assertMetricsServed(send("GET", "/metrics", credentials));
		assertThat(output).doesNotContain(KEY);
	}

	@Test
	void servesOpenMetricsWhenTheScraperAsksForIt() {
		RawResponse metrics = send("GET", "/metrics", bearer(), "Accept: " + OPEN_METRICS);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(header(metrics, "Content-Type")).singleElement()
			.asString()
			.startsWith("application/openmetrics-text");
		assertThat(metrics.body()).contains("# TYPE jvm_").endsWith("# EOF\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					GET     | /metrics             |                                        | no API key was provided
					POST    | /metrics             |                                        | no API key was provided
					PUT     | /metrics             |                                        | no API key was provided
					DELETE  | /metrics             |                                        | no API key was provided
					PATCH   | /metrics             |                                        | no API key was provided
					OPTIONS | /metrics             |                                        | no API key was provided
					GET     | /actuator/prometheus |                                        | no API key was provided
					GET     | /metrics             | Authorization: Bearer sk-wrong         | the API key is invalid
					GET     | /metrics             | Authorization: Bearer sk-sample-Zx81-keyx | the API key is invalid
					GET     | /metrics             | Authorization: Bearer sk-sample-zx81-key | the API key is invalid
					GET     | /metrics             | Authorization: Bearer sk-sample-Zx81-ke | the API key is invalid
					GET     | /metrics             | Authorization: Basic c2stc2FtcGxlLVp4ODEta2V5OnNrLXdyb25n | the API key is invalid
					GET     | /metrics             | Authorization: <empty>                 | the credentials are malformed
					GET     | /metrics             | Authorization: Bearer                  | the credentials are malformed
					GET     | /metrics             | Authorization: Token sk-sample-Zx81-key | the credentials are malformed
					GET     | /metrics             | Authorization: Basic not-base64!       | the credentials are malformed
					GET     | /metrics             | Authorization: sk-sample-Zx81-key      | the credentials are malformed
					GET     | /metrics             | x-litellm-api-key: Basic sk-sample-Zx81-key | the credentials are malformed
					""")
	void rejectsMetricsInLiteLlmsErrorShape(String method, String target, String credentials, String reason,
			CapturedOutput output) {
		RawResponse rejected = send(method, target, (credentials != null) ? credentials.replace("<empty>", "") : "");
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(header(rejected, "Content-Type")).containsExactly("application/json");
		assertThat(header(rejected, "Cache-Control")).containsExactly("no-store");
		assertThat(header(rejected, "WWW-Authenticate")).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		assertThat(rejected.body()).doesNotContain(KEY);
		assertThat(new JsonContent(rejected.body())).isStrictlyEqualTo("""
				{"error":{"message":"Unauthorized access to metrics endpoint: %s. To allow unauthenticated access, \
				set litellm.require-auth-for-metrics-endpoint=false.","type":"auth_error","param":null,"code":"401"}}"""
			.formatted(reason));
		assertThat(output).doesNotContain(KEY);
	}

	@Test
	void rejectsAWrongLiteLlmHeaderEvenIfAuthorizationIsRight() {
		RawResponse rejected = send("GET", "/metrics", "x-litellm-api-key: sk-wrong", bearer());
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(rejected.body()).contains("the API key is invalid");
	}

	@Test
	void rejectsHeadOnMetricsWithoutABody() {
		RawResponse head = send("HEAD", "/metrics", "");
		assertThat(head.status()).isEqualTo(401);
		assertThat(header(head, "Cache-Control")).containsExactly("no-store");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void servesTheActuatorPrometheusEndpointToTheKeyAndLeavesItsHealthOpen() {
		RawResponse metrics = send("GET", "/actuator/prometheus", bearer());
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(header(metrics, "Cache-Control")).containsExactly("no-store");
		assertThat(metrics.body()).contains("# TYPE jvm_");
		RawResponse health = send("GET", "/actuator/health", "");
		assertThat(health.status()).isEqualTo(200);
		// Tomcat sends it in chunks, which the raw client does not join.
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void countsARejectedScrapeInTheNextAuthorisedScrape() {
		double before = rejectedWithoutKey(send("GET", "/metrics", bearer()).body());
		assertThat(send("GET", "/metrics", "").status()).isEqualTo(401);
		assertThat(rejectedWithoutKey(send("GET", "/metrics", bearer()).body())).isEqualTo(before + 1);
	}

	@Test
	void rejectsEveryBadCredentialAndLogsNoKey(CapturedOutput output) {
		List<String> failures = new ArrayList<>();
		int refusedByTheServer = 0;
		for (List<String> headers : attacks()) {
			RawResponse response = send("GET", "/metrics", headers.toArray(String[]::new));
			// A server refuses a header it cannot parse or one over its 8 KiB limit
			// before any filter runs, and may reset the connection while an oversized
			// request is still being sent.
			boolean refusedEarly = response.status() == 400 || response.status() == 431
					|| (response == RawResponse.CLOSED_WITHOUT_RESPONSE
							&& headers.stream().mapToInt(String::length).sum() > 8192);
			refusedByTheServer += refusedEarly ? 1 : 0;
			String request = headers.toString().substring(0, Math.min(200, headers.toString().length()));
			if (response.status() != 401 && !refusedEarly) {
				failures.add(request + " -> " + response.status());
			}
			if (response.body().contains("# TYPE")) {
				failures.add(request + " -> metrics served");
			}
		}
		System.out.printf("Credential attacks (%s): %d cases, %d refused before the guard%n", getClass().getName(),
				attacks().size(), refusedByTheServer);
		assertThat(failures).isEmpty();
		// Tomcat would quote a header line it cannot parse, key and all, at INFO; the
		// sample app, as docs/spring-mvc.md advises, logs that class at WARN only.
		assertThat(output).doesNotContain(KEY).doesNotContain(base64("prometheus:" + KEY));
	}

	static List<List<String>> attacks() {
		String prefix = KEY.substring(0, KEY.length() - 1);
		List<List<String>> attacks = new ArrayList<>();
		for (String authorization : List.of("", " ", "\t", "Bearer", "Bearer ", "Bearer  ", "Bearer " + prefix,
				"Bearer " + KEY + "x", "Bearer " + KEY + " x", "Bearer x" + KEY,
				"Bearer " + KEY.toUpperCase(Locale.ROOT), "Bearer " + KEY.toLowerCase(Locale.ROOT),
				"Bearer \"" + KEY + "\"", "Bearer " + KEY + ",", "Bearer=" + KEY, "Bearer:" + KEY, "Bearer" + KEY, KEY,
				"Token " + KEY, "Digest " + KEY, "ApiKey " + KEY, "Negotiate " + KEY, "Basic", "Basic ", "Basic " + KEY,
				"Basic ***", "Basic a", "Basic ====", "Basic " + base64(KEY), "Basic " + base64("prometheus:"),
				"Basic " + base64("prometheus:" + prefix), "Basic " + base64(KEY + ":x"),
				"Basic " + base64("prometheus:" + KEY + "\u0000"), "Basic " + base64("prometheus: " + KEY + "x"),
				"Bearer " + KEY + "\u00e9", "Bearer " + KEY.replace('k', '\u212a'), "Bearer \u00ff\u00fe",
				"Bearer " + KEY + "\u0001", "Bearer \u007f" + KEY, "Bearer " + "k".repeat(7_000),
				"Bearer " + "k".repeat(20_000), "Bearer " + "k".repeat(70_000))) {
			attacks.add(List.of("Authorization: " + authorization));
		}
		attacks.add(List.of("Authorization: Bearer " + KEY, "Authorization: Bearer " + KEY));
		attacks.add(List.of("Authorization: Bearer wrong", "Authorization: Bearer " + KEY));
		attacks.add(List.of("Authorization: Bearer " + KEY, "Authorization: Bearer wrong"));
		attacks.add(List.of("x-litellm-api-key: wrong", "Authorization: Bearer " + KEY));
		attacks.add(List.of("x-litellm-api-key: ", "Authorization: Bearer " + KEY));
		attacks.add(List.of("x-litellm-api-key: Bearer", "Authorization: Bearer " + KEY));
		attacks.add(List.of("x-litellm-api-key: Basic " + base64("prometheus:" + KEY)));
		attacks.add(List.of("x-litellm-api-key: " + KEY, "x-litellm-api-key: " + KEY));
		attacks.add(List.of("x-litellm-api-key: " + prefix));
		attacks.add(List.of("x-litellm-api-key: " + "k".repeat(20_000)));
		attacks.add(List.of("x-litellm-api-key: " + KEY + "\u0000"));
		attacks.add(List.of("Authorization : Bearer " + KEY));
		attacks.add(List.of("Authorization: Bearer " + KEY.substring(0, 4), " " + KEY.substring(4)));
		attacks.add(List.of("Proxy-Authorization: Bearer " + KEY));
		// The key's bytes with one made invalid UTF-8: once decoded leniently, such
		// passwords became one U+FFFD key.
		byte[] invalidUtf8 = ("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8);
		invalidUtf8[invalidUtf8.length - 1] = (byte) 0xC3;
		attacks.add(List.of("Authorization: Basic " + Base64.getEncoder().encodeToString(invalidUtf8)));
		attacks.add(List.of("Authorization: Basic "
				+ Base64.getEncoder().encodeToString("prometheus:sk-\u00ff".getBytes(StandardCharsets.ISO_8859_1))));
		attacks.add(List.of("Cookie: x-litellm-api-key=" + KEY));
		attacks.add(List.of("X-Forwarded-Prefix: /metrics-open", "X-Original-URL: /health"));
		return attacks;
	}

	private RawHttpClient raw() {
		return raw(guarded());
	}

	private RawResponse send(String method, String target, String... headers) {
		return raw().send(method, target, List.of(headers).stream().filter((h) -> !h.isEmpty()).toArray(String[]::new));
	}

	private static String bearer() {
		return "Authorization: Bearer " + KEY;
	}

	static void assertMetricsServed(RawResponse response) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(header(response, "Cache-Control")).as("no shared cache keeps what a key unlocked")
			.containsExactly("no-store");
		assertThat(header(response, "Content-Type")).singleElement()
			.satisfies((type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase(PROMETHEUS_TEXT));
		assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").doesNotContain("# EOF");
	}

	static List<String> header(RawResponse response, String name) {
		return response.head()
			.lines()
			.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
			.map((line) -> line.substring(name.length() + 1).strip())
			.toList();
	}

	private static double rejectedWithoutKey(String scrape) {
		Matcher matcher = Pattern
			.compile("^litellm_metrics_auth_total\\{key=\"none\",outcome=\"rejected\",reason=\"missing_key\"} (\\S+)$",
					Pattern.MULTILINE)
			.matcher(scrape);
		assertThat(matcher.find()).as("rejection counter in %s", scrape).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
