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

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DigestApiKeyAuthenticator}.
 */
class DigestApiKeyAuthenticatorTests {

	private static final String KEY = "sk-master-1234";

	private final DigestApiKeyAuthenticator authenticator = DigestApiKeyAuthenticator.of(List.of(KEY), List.of());

	@Test
	void acceptsTheConfiguredKey() {
		StepVerifier.create(this.authenticator.authenticate(KEY)).expectNext(true).verifyComplete();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-master-123", "sk-master-12345", "SK-MASTER-1234", "sk-master-1234 ", "x",
			"sk-master-1234\u00e9", "ffd1f8b2ce42a8ee1f6f2d1bbd3c10ff5a2c3f7b5b8e5b4dfab4a1c3e07b0f9d" })
	void rejectsAnyOtherKey(String presented) {
		StepVerifier.create(this.authenticator.authenticate(presented)).expectNext(false).verifyComplete();
	}

	@Test
	void acceptsAKeyGivenOnlyAsItsSha256Hash() {
		String hash = sha256Hex("sk-virtual-key");
		DigestApiKeyAuthenticator hashed = DigestApiKeyAuthenticator.of(List.of(), List.of(hash));
		assertThat(hashed.matches("sk-virtual-key")).isTrue();
		assertThat(hashed.matches(hash)).as("a presented hash is not itself a key").isFalse();
	}

	@Test
	void acceptsAHashInUppercaseHex() {
		DigestApiKeyAuthenticator hashed = DigestApiKeyAuthenticator.of(List.of(),
				List.of(sha256Hex("sk-virtual-key").toUpperCase()));
		assertThat(hashed.matches("sk-virtual-key")).isTrue();
	}

	@Test
	void acceptsEveryKeyOfARotation() {
		DigestApiKeyAuthenticator rotating = DigestApiKeyAuthenticator.of(List.of("sk-old", "sk-new"),
				List.of(sha256Hex("sk-hashed")));
		assertThat(rotating.matches("sk-old")).isTrue();
		assertThat(rotating.matches("sk-new")).isTrue();
		assertThat(rotating.matches("sk-hashed")).isTrue();
		assertThat(rotating.matches("sk-other")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "zz45f1c1fbd0b59ab0d3fa2a1ba0f3d4f84b5b4e28a7fd7e2d6d4a9ad7e3b12c",
			"0245f1c1fbd0b59ab0d3fa2a1ba0f3d4f84b5b4e28a7fd7e2d6d4a9ad7e3b12c0" })
	void rejectsAHashThatIsNotSha256HexWithoutEchoingIt(String hash) {
		assertThatIllegalArgumentException().isThrownBy(() -> DigestApiKeyAuthenticator.of(List.of(), List.of(hash)))
			.withMessage("API key hash [0] must be 64 hex characters (a SHA-256 digest)");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "   ", "sk with space", "sk-caf\u00e9", "sk-\u0000x", "sk-\u007f", "sk-\u2028", "sk\ttab" })
	void rejectsAKeyThatIsNotVisibleAsciiWithoutEchoingIt(String key) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DigestApiKeyAuthenticator.of(List.of("ok", key), List.of()))
			.withMessage("API key [1] must be a non-empty key of visible ASCII characters "
					+ "(no white space, control or non-ASCII characters)");
	}

	@Test
	void acceptsEveryVisibleAsciiCharacterInAKey() {
		StringBuilder key = new StringBuilder();
		for (char c = '!'; c <= '~'; c++) {
			key.append(c);
		}
		assertThat(DigestApiKeyAuthenticator.of(List.of(key.toString()), List.of()).matches(key.toString())).isTrue();
	}

	@Test
	void requiresAtLeastOneKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> DigestApiKeyAuthenticator.of(List.of(), List.of()));
	}

	@Test
	void doesNotPrintItsKeys() {
		assertThat(this.authenticator.toString()).doesNotContain(KEY).doesNotContain(sha256Hex(KEY));
	}

	static String sha256Hex(String key) {
		return HexFormat.of().formatHex(DigestApiKeyAuthenticator.sha256(key));
	}

}
