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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the API key from {@code x-litellm-api-key: [Bearer] <key>}, which wins, or
 * {@code Authorization: Bearer <key>} or {@code Basic base64(user:key)}. Schemes are
 * case-insensitive; a repeated, empty or unreadable header is malformed, never guessed
 * at.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class CredentialsReader {

	static final String LITELLM_API_KEY_HEADER = "x-litellm-api-key";

	private static final String BEARER = "Bearer";

	private static final String BASIC = "Basic";

	PresentedCredentials read(RequestHeaders headers) {
		List<String> liteLlmKey = headers.values(LITELLM_API_KEY_HEADER);
		if (liteLlmKey != null) {
			return readLiteLlmKey(liteLlmKey);
		}
		List<String> authorization = headers.values(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			return readAuthorization(authorization);
		}
		return PresentedCredentials.failure(AuthenticationFailure.MISSING_KEY);
	}

	private PresentedCredentials readLiteLlmKey(List<String> values) {
		if (values.size() != 1) {
			return malformed();
		}
		String value = values.get(0).strip();
		if (value.equalsIgnoreCase(BEARER)) {
			return malformed();
		}
		String bearerToken = credentialsOf(BEARER, value);
		return keyOrMalformed((bearerToken != null) ? bearerToken : value);
	}

	private PresentedCredentials readAuthorization(List<String> values) {
		if (values.size() != 1) {
			return malformed();
		}
		String value = values.get(0).strip();
		String bearerToken = credentialsOf(BEARER, value);
		if (bearerToken != null) {
			return keyOrMalformed(bearerToken);
		}
		String basicCredentials = credentialsOf(BASIC, value);
		if (basicCredentials != null) {
			return readBasic(basicCredentials);
		}
		return malformed();
	}

	private PresentedCredentials readBasic(String encoded) {
		String decoded = decodeBase64Utf8(encoded);
		if (decoded == null) {
			return malformed();
		}
		// RFC 7617: the user-id cannot contain a colon, the password can.
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return malformed();
		}
		return keyOrMalformed(decoded.substring(colon + 1));
	}

	// The credentials after the scheme and white space, or null for another scheme.
	private static @Nullable String credentialsOf(String scheme, String value) {
		int length = scheme.length();
		if (value.length() > length && value.regionMatches(true, 0, scheme, 0, length)
				&& Character.isWhitespace(value.charAt(length))) {
			return value.substring(length + 1).strip();
		}
		return null;
	}

	// Strict: invalid Base64 or bytes that are not UTF-8 are malformed, rather than
	// replaced with U+FFFD, which would make different byte strings one key.
	private static @Nullable String decodeBase64Utf8(String encoded) {
		try {
			byte[] bytes = Base64.getDecoder().decode(encoded);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			return null;
		}
	}

	private static PresentedCredentials keyOrMalformed(String key) {
		return isUsableKey(key) ? PresentedCredentials.apiKey(key) : malformed();
	}

	// Keys are opaque, but never empty and free of white space and control characters.
	private static boolean isUsableKey(String key) {
		if (key.isEmpty()) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				return false;
			}
		}
		return true;
	}

	private static PresentedCredentials malformed() {
		return PresentedCredentials.failure(AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

}
