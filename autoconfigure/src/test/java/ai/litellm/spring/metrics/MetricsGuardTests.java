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
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import ai.litellm.spring.metrics.MetricsGuards.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MetricsGuard}, the {@link CredentialsReader} it reads the presented
 * key with, and the {@link Verdict verdicts} it gives.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsGuardTests {

	private static final String KEY = "sk-master-1234";

	private static final String ODD_KEY = "sk-1234:with/odd+chars=";

	private final RecordingListener listener = new RecordingListener();

	private final MetricsGuard guard = MetricsGuards.guard("master", KEY, this.listener);

	private final CredentialsReader reader = new CredentialsReader();

	@Test
	void acceptsAConfiguredKeyUnderItsNameWithoutLeavingItToTheKeyStore() {
		Verdict verdict = this.guard.check(headers(authorization("Bearer " + KEY)));
		assertThat(verdict.isAccepted()).isTrue();
		assertThat(verdict.keyToLookUp()).isNull();
		assertThat(this.listener.accepted).containsExactly("master");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void refusesAnAcceptedKeyWithoutAName(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuthenticatedKey(name));
	}

	@Test
	void rejectsAMissingKeyWithoutLeavingItToTheKeyStore() {
		assertRejected(this.guard.check((name) -> null), AuthenticationFailure.MISSING_KEY);
	}

	@Test
	void rejectsMalformedCredentialsWithoutLeavingThemToTheKeyStore() {
		assertRejected(this.guard.check(headers(authorization("Basic %%%"))),
				AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	@Test
	void leavesAnUnknownKeyToTheKeyStoreWithoutAnOutcomeYet() {
		Verdict verdict = this.guard.check(headers(authorization("Bearer " + KEY + "x")));
		assertThat(verdict.isAccepted()).isFalse();
		assertThat(verdict.keyToLookUp()).isEqualTo(KEY + "x");
		assertThat(verdict).as("never prints the key").hasToString("Verdict[look up]");
		assertThat(this.listener.accepted).isEmpty();
		assertThat(this.listener.rejected).isEmpty();
	}

	@Test
	void leavesEveryKeyToTheKeyStoreWhenItHoldsNone() {
		MetricsGuard empty = new MetricsGuard(this.guard.getPaths(), new KeyRing(AcceptedKeys.builder().build()),
				this.listener);
		assertThat(empty.check(headers(authorization("Bearer " + KEY))).keyToLookUp()).isEqualTo(KEY);
	}

	@Test
	void acceptsTheKeyStoresKeyUnderTheNameItGives() {
		Verdict verdict = this.guard.answer(new AuthenticatedKey("grafana"));
		assertThat(verdict.isAccepted()).isTrue();
		assertThat(this.guard.answer(AuthenticatedKey.unnamed()).isAccepted()).isTrue();
		assertThat(this.listener.accepted).containsExactly("grafana", AuthenticatedKey.UNNAMED);
	}

	@Test
	void rejectsAKeyTheKeyStoreDoesNotAccept() {
		assertRejected(this.guard.answer(null), AuthenticationFailure.INVALID_KEY);
	}

	@Test
	void answersAKeyStoreThatCannotCheckTheKeyWithA503() {
		IllegalStateException error = new IllegalStateException("down");
		Verdict verdict = this.guard.unavailable(error);
		assertThat(verdict.isAccepted()).isFalse();
		assertThat(verdict.keyToLookUp()).isNull();
		assertThat(verdict.status()).isEqualTo(503);
		assertThat(verdict.headers()).containsExactly(new Verdict.Header("Retry-After", "5"));
		assertThat(new String(verdict.body())).contains("\"type\":\"auth_unavailable\"");
		assertThat(verdict).hasToString("Verdict[503]");
		assertThat(this.listener.unavailable).containsExactly(error);
		assertThat(this.listener.rejected).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(AuthenticationFailure.class)
	void rejectsWithA401ThatChallengesAndSaysWhy(AuthenticationFailure failure) {
		Verdict verdict = Verdict.unauthorized(failure);
		assertThat(verdict.status()).isEqualTo(401);
		assertThat(verdict.headers()).extracting(Verdict.Header::value)
			.containsExactly(Verdict.BEARER_CHALLENGE, Verdict.BASIC_CHALLENGE);
		assertThat(new String(verdict.body())).contains(failure.getReason()).contains("\"code\":\"401\"");
		assertThat(verdict).isSameAs(Verdict.unauthorized(failure)).hasToString("Verdict[401]");
	}

	@Test
	void warnsOnceWithTheExceptionTypeButNeverItsMessage(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			this.guard.unavailable(new IllegalStateException("store down for " + KEY));
		}
		assertThat(output).containsOnlyOnce("WARN")
			.contains("the API key authenticator failed with java.lang.IllegalStateException")
			.doesNotContain("store down")
			.doesNotContain(KEY);
		assertThat(this.listener.unavailable).as("each one is counted").hasSize(3);
	}

	@Test
	void warnsOfATimeoutAndOfSaturationInWords(CapturedOutput output) {
		MetricsGuards.guard("master", KEY, this.listener)
			.unavailable(new AuthenticatorTimeoutException(Duration.ofMillis(500)));
		MetricsGuards.guard("master", KEY, this.listener).unavailable(new AuthenticatorSaturatedException(4));
		assertThat(output).contains("the API key authenticator did not answer in time")
			.contains("the API key authenticator has too many lookups in flight");
	}

	@Test
	void hasAConstantName() {
		assertThat(this.guard).hasToString("MetricsGuard");
		assertThat(Verdict.ACCEPTED).hasToString("Verdict[accepted]");
	}

	// Any case of the scheme, white space around it, the Basic password whatever the user
	// name, the LiteLLM header plain or as Bearer, a header's name in any case.
	@ParameterizedTest
	@MethodSource
	void readsTheKey(HttpHeaders headers) {
		assertKey(headers, ODD_KEY);
	}

	static Stream<HttpHeaders> readsTheKey() {
		return Stream.of(authorization("Bearer " + ODD_KEY), authorization("bearer " + ODD_KEY),
				authorization("BEARER " + ODD_KEY), authorization("bEaReR " + ODD_KEY),
				authorization("  Bearer   " + ODD_KEY + "  "),
				authorization("Basic " + base64("prometheus:" + ODD_KEY)),
				authorization("basic " + base64(":" + ODD_KEY)), liteLlmKey(ODD_KEY), liteLlmKey("Bearer " + ODD_KEY),
				liteLlmKey("bearer " + ODD_KEY), with("X-LiteLLM-API-Key", ODD_KEY));
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
			"Basic ", "Basic !!!notbase64", "Token " + ODD_KEY, "Digest username=x", ODD_KEY, "Bearer" + ODD_KEY,
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
		return Stream.of(
				with(HttpHeaders.AUTHORIZATION, "Bearer " + ODD_KEY, HttpHeaders.AUTHORIZATION, "Bearer other"),
				with(litellm, ODD_KEY, litellm, ODD_KEY),
				with(litellm, "", HttpHeaders.AUTHORIZATION, "Bearer " + ODD_KEY),
				authorization("Basic " + Base64.getEncoder().encodeToString(latin1)),
				authorization("Basic " + Base64.getEncoder().encodeToString(truncated)));
	}

	@Test
	void credentialsNeverPrintTheKey() {
		assertThat(this.reader.read(headers(authorization("Bearer " + ODD_KEY))))
			.hasToString("PresentedCredentials[key]");
	}

	private void assertRejected(Verdict verdict, AuthenticationFailure failure) {
		assertThat(verdict).isSameAs(Verdict.unauthorized(failure));
		assertThat(verdict.keyToLookUp()).isNull();
		assertThat(new String(verdict.body())).contains(failure.getReason()).doesNotContain(KEY);
		assertThat(this.listener.rejected).containsExactly(failure);
		assertThat(this.listener.accepted).isEmpty();
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
