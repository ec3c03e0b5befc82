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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials as an attacker would send them, byte for byte: every one gets a 4xx (a 401
 * unless the server refuses the header earlier), never a 5xx, never the metrics, and the
 * key never shows up in the logs.
 */
class CredentialAttackTests {

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

		@Test
		void rejectsEveryBadCredentialAndLogsNoKey(CapturedOutput output) {
			List<String> failures = new ArrayList<>();
			List<List<String>> attacks = attacks();
			for (List<String> headers : attacks) {
				RawResponse response = send(headers);
				boolean refusedEarly = response.status() == 400 || response.status() == 431
						|| (response == RawResponse.CLOSED_WITHOUT_RESPONSE && isOversized(headers));
				if (response.status() != 401 && !refusedEarly) {
					failures.add(abbreviate(headers) + " -> " + response.status());
				}
				if (response.body().contains("# TYPE")) {
					failures.add(abbreviate(headers) + " -> metrics served");
				}
			}
			System.out.printf("Credential attacks (%s): %d cases%n", this.adapter, attacks.size());
			assertThat(failures).isEmpty();
			assertThat(output).doesNotContain(SampleAppScenarios.KEY)
				.doesNotContain(base64("prometheus:" + SampleAppScenarios.KEY));
		}

		@Test
		void acceptsTheRightKeyInEveryFormSoTheAttacksAboveAreMeaningful() {
			for (List<String> headers : List.of(List.of("Authorization: Bearer " + SampleAppScenarios.KEY),
					List.of("AUTHORIZATION: bearer " + SampleAppScenarios.KEY),
					List.of("Authorization: Bearer\t" + SampleAppScenarios.KEY),
					List.of("Authorization: Basic " + base64("prometheus:" + SampleAppScenarios.KEY)),
					List.of("Authorization: Basic " + base64(":" + SampleAppScenarios.KEY)),
					List.of("x-litellm-api-key: " + SampleAppScenarios.KEY),
					List.of("X-LiteLLM-API-Key: Bearer " + SampleAppScenarios.KEY),
					List.of("x-litellm-api-key: " + SampleAppScenarios.KEY, "Authorization: Bearer wrong"))) {
				RawResponse response = send(headers);
				assertThat(response.status()).as(headers.toString()).isEqualTo(200);
				assertThat(response.body()).contains("# TYPE");
			}
		}

		// Netty refuses headers over 8 KiB with a 431 and closes the connection, which
		// the
		// client may only see as a reset while it is still sending.
		private static boolean isOversized(List<String> headers) {
			return headers.stream().mapToInt(String::length).sum() > 8192;
		}

		private RawResponse send(List<String> headers) {
			return raw().send("GET", "/metrics", headers.toArray(String[]::new));
		}

		static List<List<String>> attacks() {
			String prefix = SampleAppScenarios.KEY.substring(0, SampleAppScenarios.KEY.length() - 1);
			List<List<String>> attacks = new ArrayList<>();
			for (String authorization : List.of("", " ", "\t", "Bearer", "Bearer ", "Bearer  ", "Bearer " + prefix,
					"Bearer " + SampleAppScenarios.KEY + "x", "Bearer " + SampleAppScenarios.KEY + " x",
					"Bearer x" + SampleAppScenarios.KEY, "Bearer " + SampleAppScenarios.KEY.toUpperCase(Locale.ROOT),
					"Bearer " + SampleAppScenarios.KEY.toLowerCase(Locale.ROOT),
					"Bearer \"" + SampleAppScenarios.KEY + "\"", "Bearer " + SampleAppScenarios.KEY + ",",
					"Bearer=" + SampleAppScenarios.KEY, "Bearer:" + SampleAppScenarios.KEY,
					"Bearer" + SampleAppScenarios.KEY, SampleAppScenarios.KEY, "Token " + SampleAppScenarios.KEY,
					"Digest " + SampleAppScenarios.KEY, "ApiKey " + SampleAppScenarios.KEY,
					"Negotiate " + SampleAppScenarios.KEY, "Basic", "Basic ", "Basic " + SampleAppScenarios.KEY,
					"Basic ***", "Basic a", "Basic ====", "Basic " + base64(SampleAppScenarios.KEY),
					"Basic " + base64("prometheus:"), "Basic " + base64("prometheus:" + prefix),
					"Basic " + base64(SampleAppScenarios.KEY + ":x"),
					"Basic " + base64("prometheus:" + SampleAppScenarios.KEY + "\u0000"),
					"Basic " + base64("prometheus: " + SampleAppScenarios.KEY + "x"),
					"Bearer " + SampleAppScenarios.KEY + "\u00e9",
					"Bearer " + SampleAppScenarios.KEY.replace('k', '\u212a'), "Bearer \u00ff\u00fe",
					"Bearer " + SampleAppScenarios.KEY + "\u0001", "Bearer \u007f" + SampleAppScenarios.KEY,
					"Bearer " + "k".repeat(7_000), "Bearer " + "k".repeat(20_000), "Bearer " + "k".repeat(70_000))) {
				attacks.add(List.of("Authorization: " + authorization));
			}
			attacks.add(List.of("Authorization: Bearer " + SampleAppScenarios.KEY,
					"Authorization: Bearer " + SampleAppScenarios.KEY));
			attacks.add(List.of("Authorization: Bearer wrong", "Authorization: Bearer " + SampleAppScenarios.KEY));
			attacks.add(List.of("Authorization: Bearer " + SampleAppScenarios.KEY, "Authorization: Bearer wrong"));
			attacks.add(List.of("x-litellm-api-key: wrong", "Authorization: Bearer " + SampleAppScenarios.KEY));
			attacks.add(List.of("x-litellm-api-key: ", "Authorization: Bearer " + SampleAppScenarios.KEY));
			attacks.add(List.of("x-litellm-api-key: Bearer", "Authorization: Bearer " + SampleAppScenarios.KEY));
			attacks.add(List.of("x-litellm-api-key: Basic " + base64("prometheus:" + SampleAppScenarios.KEY)));
			attacks.add(List.of("x-litellm-api-key: " + SampleAppScenarios.KEY,
					"x-litellm-api-key: " + SampleAppScenarios.KEY));
			attacks.add(List.of("x-litellm-api-key: " + prefix));
			attacks.add(List.of("x-litellm-api-key: " + "k".repeat(20_000)));
			attacks.add(List.of("x-litellm-api-key: " + SampleAppScenarios.KEY + "\u0000"));
			attacks.add(List.of("Authorization : Bearer " + SampleAppScenarios.KEY));
			attacks.add(List.of("Authorization: Bearer " + SampleAppScenarios.KEY.substring(0, 4),
					" " + SampleAppScenarios.KEY.substring(4)));
			attacks.add(List.of("Proxy-Authorization: Bearer " + SampleAppScenarios.KEY));
			// The key's bytes with one made invalid UTF-8: once decoded leniently, such
			// passwords became one U+FFFD key.
			byte[] invalidUtf8 = ("prometheus:" + SampleAppScenarios.KEY).getBytes(StandardCharsets.UTF_8);
			invalidUtf8[invalidUtf8.length - 1] = (byte) 0xC3;
			attacks.add(List.of("Authorization: Basic " + Base64.getEncoder().encodeToString(invalidUtf8)));
			attacks.add(List.of("Authorization: Basic " + Base64.getEncoder()
				.encodeToString("prometheus:sk-\u00ff".getBytes(StandardCharsets.ISO_8859_1))));
			attacks.add(List.of("Cookie: x-litellm-api-key=" + SampleAppScenarios.KEY));
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

}
