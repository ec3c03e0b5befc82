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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials as an attacker would send them, byte for byte, to the servlet sample app on
 * Tomcat: every one gets a 4xx (a 401 unless Tomcat refuses the request earlier), never a
 * 5xx, never the metrics, and the key never shows up in the logs.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
@ExtendWith(OutputCaptureExtension.class)
class CredentialAttackTests extends ServletSampleAppScenarios {

	@Test
	void rejectsEveryBadCredentialAndLogsNoKey(CapturedOutput output) {
		List<String> failures = new ArrayList<>();
		List<List<String>> attacks = attacks();
		int refusedByTomcat = 0;
		for (List<String> headers : attacks) {
			RawResponse response = send(headers);
			// Tomcat answers a header it cannot parse (control characters, a space
			// before the colon, a folded line) or one over its 8 KiB limit with a 400
			// before any filter runs; it may also reset the connection while an
			// oversized request is still being sent.
			boolean refusedEarly = response.status() == 400 || response.status() == 431
					|| (response == RawResponse.CLOSED_WITHOUT_RESPONSE && isOversized(headers));
			if (refusedEarly) {
				refusedByTomcat++;
			}
			if (response.status() != 401 && !refusedEarly) {
				failures.add(abbreviate(headers) + " -> " + response.status());
			}
			if (response.body().contains("# TYPE")) {
				failures.add(abbreviate(headers) + " -> metrics served");
			}
		}
		System.out.printf("Credential attacks (servlet): %d cases, %d refused by Tomcat before the guard%n",
				attacks.size(), refusedByTomcat);
		assertThat(failures).isEmpty();
		// Tomcat would quote a header line it cannot parse, key and all, at INFO; the
		// sample app, as docs/spring-mvc.md advises, logs that class at WARN only.
		assertThat(output.toString()).doesNotContain(KEY).doesNotContain(base64("prometheus:" + KEY));
	}

	@Test
	void acceptsTheRightKeyInEveryFormSoTheAttacksAboveAreMeaningful() {
		for (List<String> headers : List.of(List.of("Authorization: Bearer " + KEY),
				List.of("AUTHORIZATION: bearer " + KEY), List.of("Authorization: Bearer\t" + KEY),
				List.of("Authorization: Basic " + base64("prometheus:" + KEY)),
				List.of("Authorization: Basic " + base64(":" + KEY)), List.of("x-litellm-api-key: " + KEY),
				List.of("X-LiteLLM-API-Key: Bearer " + KEY),
				List.of("x-litellm-api-key: " + KEY, "Authorization: Bearer wrong"))) {
			RawResponse response = send(headers);
			assertThat(response.status()).as(headers.toString()).isEqualTo(200);
			assertThat(response.body()).contains("# TYPE");
		}
	}

	private static boolean isOversized(List<String> headers) {
		return headers.stream().mapToInt(String::length).sum() > 8192;
	}

	private RawResponse send(List<String> headers) {
		return raw().send("GET", "/metrics", headers.toArray(String[]::new));
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

	private static String abbreviate(List<String> headers) {
		String text = headers.toString();
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
