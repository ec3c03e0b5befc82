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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link ApiKeyAuthenticator} that accepts a fixed set of keys, held only as their
 * SHA-256 digests.
 * <p>
 * A presented key is hashed and compared with every accepted digest in constant time, so
 * neither the content nor the length of an accepted key leaks through response timing.
 * Keys can be configured in plain text or as the lowercase hex of their SHA-256 digest,
 * the form LiteLLM stores virtual keys in.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class DigestApiKeyAuthenticator implements ApiKeyAuthenticator {

	private static final Mono<Boolean> ACCEPTED = Mono.just(Boolean.TRUE);

	private static final Mono<Boolean> REJECTED = Mono.just(Boolean.FALSE);

	private static final String SHA_256 = "SHA-256";

	private final byte[][] acceptedDigests;

	private DigestApiKeyAuthenticator(List<byte[]> acceptedDigests) {
		Assert.notEmpty(acceptedDigests, "At least one API key is required");
		this.acceptedDigests = acceptedDigests.toArray(byte[][]::new);
	}

	/**
	 * Create an authenticator that accepts the given keys and the keys with the given
	 * SHA-256 digests.
	 * @param keys keys in plain text
	 * @param sha256Hashes hex SHA-256 digests of further keys
	 * @return the authenticator
	 * @throws IllegalArgumentException if a key is empty or not visible ASCII, or a hash
	 * is not 64 hex characters; the message never contains the value
	 */
	public static DigestApiKeyAuthenticator of(List<String> keys, List<String> sha256Hashes) {
		return of(indexed("API key", keys), indexed("API key hash", sha256Hashes));
	}

	/**
	 * Create an authenticator that accepts the given keys and the keys with the given
	 * SHA-256 digests, each named by where it was configured so that an error can say
	 * which one is wrong.
	 * @param keys keys in plain text by name, such as {@code litellm.master-key}
	 * @param sha256Hashes hex SHA-256 digests of further keys by name
	 * @return the authenticator
	 * @throws IllegalArgumentException if a key is empty or not visible ASCII, or a hash
	 * is not 64 hex characters; the message names it but never contains the value
	 */
	public static DigestApiKeyAuthenticator of(Map<String, String> keys, Map<String, String> sha256Hashes) {
		List<byte[]> digests = new ArrayList<>(keys.size() + sha256Hashes.size());
		keys.forEach((name, key) -> {
			Assert.isTrue(key != null && isVisibleAscii(key), () -> name
					+ " must be a non-empty key of visible ASCII characters (no white space, control or non-ASCII characters)");
			digests.add(sha256(key));
		});
		sha256Hashes.forEach((name, hash) -> {
			Assert.isTrue(hash != null && isSha256Hex(hash),
					() -> name + " must be 64 hex characters (a SHA-256 digest)");
			digests.add(HexFormat.of().parseHex(hash));
		});
		return new DigestApiKeyAuthenticator(digests);
	}

	private static Map<String, String> indexed(String name, List<String> values) {
		Map<String, String> named = new LinkedHashMap<>();
		for (int i = 0; i < values.size(); i++) {
			named.put(name + " [" + i + "]", values.get(i));
		}
		return named;
	}

	@Override
	public Mono<Boolean> authenticate(String apiKey) {
		return matches(apiKey) ? ACCEPTED : REJECTED;
	}

	/**
	 * Return whether the key is one of the accepted keys.
	 * @param apiKey the presented key
	 * @return {@code true} if the key is accepted
	 */
	public boolean matches(String apiKey) {
		byte[] presented = sha256(apiKey);
		boolean matched = false;
		// No early exit: every digest is compared whatever the outcome.
		for (byte[] accepted : this.acceptedDigests) {
			matched |= MessageDigest.isEqual(accepted, presented);
		}
		return matched;
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance(SHA_256).digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

	// What every HTTP client carries unchanged in a header, in every credential form.
	private static boolean isVisibleAscii(String key) {
		return !key.isEmpty() && key.chars().allMatch((c) -> c > 0x20 && c < 0x7F);
	}

	private static boolean isSha256Hex(String hash) {
		return hash.length() == 64 && hash.chars().allMatch(HexFormat::isHexDigit);
	}

	@Override
	public String toString() {
		return "DigestApiKeyAuthenticator[" + this.acceptedDigests.length + " keys]";
	}

}
