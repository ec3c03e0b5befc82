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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CredentialsReader}.
 */
class CredentialsReaderTests {

	private static final String KEY = "sk-1234:with/odd+chars=";

	private final CredentialsReader reader = new CredentialsReader();

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "bearer", "BEARER", "bEaReR" })
	void readsABearerTokenWithAnySchemeCase(String scheme) {
		assertKey(authorization(scheme + " " + KEY), KEY);
	}

	@Test
	void readsABearerTokenSurroundedByWhiteSpace() {
		assertKey(authorization("  Bearer   " + KEY + "  "), KEY);
	}

	@Test
	void readsTheBasicPasswordAsTheKeyWhateverTheUserName() {
		assertKey(authorization("Basic " + base64("prometheus:" + KEY)), KEY);
		assertKey(authorization("basic " + base64(":" + KEY)), KEY);
	}

	@Test
	void readsTheLiteLlmHeaderPlainOrAsBearer() {
		assertKey(liteLlmKey(KEY), KEY);
		assertKey(liteLlmKey("Bearer " + KEY), KEY);
		assertKey(liteLlmKey("bearer " + KEY), KEY);
	}

	@Test
	void preferTheLiteLlmHeaderOverAuthorization() {
		HttpHeaders headers = liteLlmKey("sk-litellm");
		headers.set(HttpHeaders.AUTHORIZATION, "Bearer sk-authorization");
		assertKey(headers, "sk-litellm");
	}

	@Test
	void aMalformedLiteLlmHeaderIsNotRescuedByAValidAuthorization() {
		HttpHeaders headers = liteLlmKey("");
		headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + KEY);
		assertFailure(headers, AuthenticationFailure.MALFORMED_CREDENTIALS);
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

	@Test
	void reportsRepeatedAuthorizationHeadersAsMalformed() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + KEY);
		headers.add(HttpHeaders.AUTHORIZATION, "Bearer other");
		assertFailure(headers, AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	@Test
	void reportsRepeatedLiteLlmHeadersAsMalformed() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(CredentialsReader.LITELLM_API_KEY_HEADER, KEY);
		headers.add(CredentialsReader.LITELLM_API_KEY_HEADER, KEY);
		assertFailure(headers, AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	@Test
	void reportsBasicCredentialsThatAreNotUtf8AsMalformed() {
		byte[] latin1 = "prometheus:sk-caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		assertFailure(authorization("Basic " + Base64.getEncoder().encodeToString(latin1)),
				AuthenticationFailure.MALFORMED_CREDENTIALS);
		byte[] truncated = { 'u', ':', 'k', (byte) 0xC3 };
		assertFailure(authorization("Basic " + Base64.getEncoder().encodeToString(truncated)),
				AuthenticationFailure.MALFORMED_CREDENTIALS);
		assertKey(authorization("Basic " + base64("prometheus:sk-caf\u00e9")), "sk-caf\u00e9");
	}

	@Test
	void readsHeadersWhateverTheCaseOfTheirNames() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-LiteLLM-API-Key", KEY);
		assertKey(headers, KEY);
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
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, value);
		return headers;
	}

	private static HttpHeaders liteLlmKey(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(CredentialsReader.LITELLM_API_KEY_HEADER, value);
		return headers;
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
