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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AcceptedKeys}.
 */
class AcceptedKeysTests {

	private static final String KEY = "sk-master-1234";

	private final AcceptedKeys keys = AcceptedKeys.builder().key("master", KEY, "test").build();

	@Test
	void acceptsTheConfiguredKeyUnderItsName() {
		assertThat(this.keys.match(KEY)).isEqualTo("master");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-master-123", "sk-master-12345", "SK-MASTER-1234", "sk-master-1234 ", "x", "",
			"sk-master-1234\u00e9", "ffd1f8b2ce42a8ee1f6f2d1bbd3c10ff5a2c3f7b5b8e5b4dfab4a1c3e07b0f9d" })
	void rejectsAnyOtherKey(String presented) {
		assertThat(this.keys.match(presented)).isNull();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void acceptsAKeyGivenOnlyAsItsSha256HashInEitherCaseOfHex(boolean upperCase) {
		String hash = sha256Hex("sk-virtual-key");
		AcceptedKeys hashed = AcceptedKeys.builder()
			.sha256("virtual", upperCase ? hash.toUpperCase() : hash, "test")
			.build();
		assertThat(hashed.match("sk-virtual-key")).isEqualTo("virtual");
		assertThat(hashed.match(hash)).as("a presented hash is not itself a key").isNull();
	}

	@Test
	void acceptsEveryKeyOfARotationEachUnderItsOwnName() {
		AcceptedKeys rotating = AcceptedKeys.builder()
			.key("old", "sk-old", "test")
			.key("new", "sk-new", "test")
			.addAll(AcceptedKeys.builder().sha256("hashed", sha256Hex("sk-hashed"), "test").build())
			.build();
		assertThat(rotating.match("sk-old")).isEqualTo("old");
		assertThat(rotating.match("sk-new")).isEqualTo("new");
		assertThat(rotating.match("sk-hashed")).isEqualTo("hashed");
		assertThat(rotating.match("sk-other")).isNull();
		assertThat(rotating.size()).isEqualTo(3);
		assertThat(rotating.names()).containsExactly("old", "new", "hashed");
	}

	@Test
	void namesEachNameOnceAndComparesSetsByKeysAndNames() {
		AcceptedKeys twice = AcceptedKeys.builder().key("a", "sk-1", "test").key("a", "sk-2", "test").build();
		assertThat(twice.names()).containsExactly("a");
		assertThat(twice.isSameAs(AcceptedKeys.builder().key("a", "sk-1", "t").key("a", "sk-2", "t").build())).isTrue();
		assertThat(twice.isSameAs(AcceptedKeys.builder().key("a", "sk-1", "t").key("b", "sk-2", "t").build()))
			.isFalse();
		assertThat(twice.isSameAs(AcceptedKeys.builder().key("a", "sk-1", "t").key("a", "sk-3", "t").build()))
			.isFalse();
	}

	@Test
	void keepsTheKeysOfOneSourceOrOfEveryFileOfADirectory() {
		AcceptedKeys previous = AcceptedKeys.builder()
			.key("a", "sk-a", "/keys")
			.key("b", "sk-b", "/keys /keys/b")
			.key("c", "sk-c", "/keys2")
			.key("d", "sk-d", "/other")
			.build();
		assertThat(AcceptedKeys.builder().keepFrom(previous, "/keys").build().names()).containsExactly("a", "b");
	}

	@Test
	void warnsOfAKeyShorterThan16CharactersOrShapedLikeADigestOnly() {
		AcceptedKeys keys = AcceptedKeys.builder()
			.key("short", "sk-123456789012", "a")
			.key("long-enough", "sk-1234567890123", "b")
			.key("hex", sha256Hex("sk"), "c")
			.build();
		assertThat(keys.warningsSince(AcceptedKeys.none())).satisfiesExactly(
				(warning) -> assertThat(warning).startsWith("a is shorter than 16 characters"),
				(warning) -> assertThat(warning).startsWith("c holds 64 hex characters"));
	}

	@Test
	void acceptsNoKeyWhenEmpty() {
		AcceptedKeys none = AcceptedKeys.builder().build();
		assertThat(none.size()).isZero();
		assertThat(none.match(KEY)).isNull();
		assertThat(none.match("")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "zz45f1c1fbd0b59ab0d3fa2a1ba0f3d4f84b5b4e28a7fd7e2d6d4a9ad7e3b12c",
			"0245f1c1fbd0b59ab0d3fa2a1ba0f3d4f84b5b4e28a7fd7e2d6d4a9ad7e3b12c0" })
	void rejectsAHashThatIsNotSha256HexWithoutEchoingIt(String hash) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AcceptedKeys.builder().sha256("n", hash, "API key hash [0]"))
			.withMessage("API key hash [0] must be 64 hex characters (a SHA-256 digest)");
		assertThatIllegalArgumentException().isThrownBy(() -> AcceptedKeys.builder().sha256("n", null, "hash"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "   ", "sk with space", "sk-caf\u00e9", "sk-\u0000x", "sk-\u007f", "sk-\u2028", "sk\ttab" })
	void rejectsAKeyThatIsNotVisibleAsciiWithoutEchoingIt(String key) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AcceptedKeys.builder().key("ok", "ok", "API key [0]").key("n", key, "API key [1]"))
			.withMessage("API key [1] must be a non-empty key of visible ASCII characters "
					+ "(no white space, control or non-ASCII characters)");
		assertThatIllegalArgumentException().isThrownBy(() -> AcceptedKeys.builder().key("n", null, "key"));
	}

	@Test
	void acceptsEveryVisibleAsciiCharacterInAKey() {
		StringBuilder key = new StringBuilder();
		for (char c = '!'; c <= '~'; c++) {
			key.append(c);
		}
		assertThat(AcceptedKeys.builder().key("all", key.toString(), "test").build().match(key.toString()))
			.isEqualTo("all");
	}

	@Test
	void doesNotPrintItsKeys() {
		assertThat(this.keys.toString()).isEqualTo("AcceptedKeys[master]")
			.doesNotContain(KEY)
			.doesNotContain(sha256Hex(KEY));
	}

	static String sha256Hex(String key) {
		return HexFormat.of().formatHex(AcceptedKeys.digest(key));
	}

}
