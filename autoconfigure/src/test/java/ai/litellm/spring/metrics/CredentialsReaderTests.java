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

package ai.litellm.spring.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CredentialsReader}.
 */
class CredentialsReaderTests {

	private static final String KEY = "sk-1234:with/odd+chars=";

	private final CredentialsReader reader = new CredentialsReader();

	// Any case of the scheme, white space around it, the Basic password whatever the user
	// name, the LiteLLM header plain or as Bearer, a header's name in any case.
	@ParameterizedTest
	@MethodSource
	void readsTheKey(HttpHeaders headers) {
		assertKey(headers, KEY);
	}

	static Stream<HttpHeaders> readsTheKey() {
		return Stream.of(authorization("Bearer " + KEY), authorization("bearer " + KEY), authorization("BEARER " + KEY),
				authorization("bEaReR " + KEY), authorization("  Bearer   " + KEY + "  "),
				authorization("Basic " + base64("prometheus:" + KEY)), authorization("basic " + base64(":" + KEY)),
				liteLlmKey(KEY), liteLlmKey("Bearer " + KEY), liteLlmKey("bearer " + KEY),
				with("X-LiteLLM-API-Key", KEY));
	}

	@Test
	void readsBasicCredentialsInUtf8() {
		assertKey(authorization("Basic " + base64("prometheus:sk-caf\u00e9")), "sk-caf\u00e9");
	}

	@Test
	void preferTheLiteLlmHeaderOverAuthorization() {
		assertKey(with(CredentialsReader.LITELLM_API_KEY_HEADER, "sk-litellm", HttpHeaders.AUTHORIZATION,
				"Bearer sk-authorization"), "sk-litellm");
	}

	@Test
	void reportsAMissingKeyWhenNoCredentialsArePresent() {
		assertFailure(new HttpHeaders(), AuthenticationFailure.MISSING_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "Bearer", "Bearer ", "Bearer    ", "Bearer a b", "Bearer\tkey\u0000", "Basic",
			"Basic ", "Basic !!!notbase64", "Token " + KEY, "Digest username=x", KEY, "Bearer" + KEY,
			"Basic bm9jb2xvbg==", "Basic dXNlcjo=" })
	void reportsMalformedAuthorization(String value) {
		assertFailure(authorization(value), AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Bearer ", "sk key", "sk\u0001key" })
	void reportsMalformedLiteLlmHeader(String value) {
		assertFailure(liteLlmKey(value), AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	// Repeated headers, a malformed LiteLLM header that a valid Authorization does not
	// rescue, and Basic credentials that are not UTF-8.
	@ParameterizedTest
	@MethodSource
	void reportsMalformedCredentials(HttpHeaders headers) {
		assertFailure(headers, AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	static Stream<HttpHeaders> reportsMalformedCredentials() {
		String litellm = CredentialsReader.LITELLM_API_KEY_HEADER;
		byte[] latin1 = "prometheus:sk-caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		byte[] truncated = { 'u', ':', 'k', (byte) 0xC3 };
		return Stream.of(with(HttpHeaders.AUTHORIZATION, "Bearer " + KEY, HttpHeaders.AUTHORIZATION, "Bearer other"),
				with(litellm, KEY, litellm, KEY), with(litellm, "", HttpHeaders.AUTHORIZATION, "Bearer " + KEY),
				authorization("Basic " + Base64.getEncoder().encodeToString(latin1)),
				authorization("Basic " + Base64.getEncoder().encodeToString(truncated)));
	}

	@Test
	void credentialsNeverPrintTheKey() {
		assertThat(this.reader.read(headers(authorization("Bearer " + KEY)))).hasToString("PresentedCredentials[key]");
	}

	private void assertKey(HttpHeaders headers, String expected) {
		PresentedCredentials credentials = this.reader.read(headers(headers));
		assertThat(credentials.failure()).isNull();
		assertThat(credentials.apiKey()).isEqualTo(expected);
	}

	private void assertFailure(HttpHeaders headers, AuthenticationFailure expected) {
		PresentedCredentials credentials = this.reader.read(headers(headers));
		assertThat(credentials.apiKey()).isNull();
		assertThat(credentials.failure()).isEqualTo(expected);
	}

	private static RequestHeaders headers(HttpHeaders headers) {
		return headers::get;
	}

	private static HttpHeaders authorization(String value) {
		return with(HttpHeaders.AUTHORIZATION, value);
	}

	private static HttpHeaders liteLlmKey(String value) {
		return with(CredentialsReader.LITELLM_API_KEY_HEADER, value);
	}

	private static HttpHeaders with(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
