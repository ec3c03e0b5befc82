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

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.litellm.spring.metrics.MetricsGuards.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MetricsGuard} and the {@link Verdict verdicts} it gives.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsGuardTests {

	private static final String KEY = "sk-master-1234";

	private final RecordingListener listener = new RecordingListener();

	private final MetricsGuard guard = MetricsGuards.guard("master", KEY, this.listener);

	@Test
	void acceptsAConfiguredKeyUnderItsNameWithoutLeavingItToTheKeyStore() {
		Verdict verdict = this.guard.check(authorization("Bearer " + KEY));
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
		assertRejected(this.guard.check(authorization("Basic %%%")), AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	@Test
	void leavesAnUnknownKeyToTheKeyStoreWithoutAnOutcomeYet() {
		Verdict verdict = this.guard.check(authorization("Bearer " + KEY + "x"));
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
		assertThat(empty.check(authorization("Bearer " + KEY)).keyToLookUp()).isEqualTo(KEY);
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

	private void assertRejected(Verdict verdict, AuthenticationFailure failure) {
		assertThat(verdict).isSameAs(Verdict.unauthorized(failure));
		assertThat(verdict.keyToLookUp()).isNull();
		assertThat(new String(verdict.body())).contains(failure.getReason()).doesNotContain(KEY);
		assertThat(this.listener.rejected).containsExactly(failure);
		assertThat(this.listener.accepted).isEmpty();
	}

	private static RequestHeaders authorization(String value) {
		Map<String, List<String>> headers = Map.of("authorization", List.of(value));
		return (name) -> headers.get(name.toLowerCase(Locale.ROOT));
	}

}
