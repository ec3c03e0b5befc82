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

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link ApiKeyAuthenticator} that accepts a set of {@link AcceptedKeys}, held only as
 * their SHA-256 digests and compared in constant time.
 * <p>
 * The set can be replaced while requests are served, for a key rotation without a
 * restart: {@link #setKeys(AcceptedKeys)} swaps the whole set at once, so a request is
 * checked against either the old set or the new one, never a mix, and checking takes no
 * lock.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class DigestApiKeyAuthenticator implements ApiKeyAuthenticator {

	private static final Mono<Boolean> ACCEPTED = Mono.just(Boolean.TRUE);

	private static final Mono<Boolean> REJECTED = Mono.just(Boolean.FALSE);

	private volatile AcceptedKeys keys;

	/**
	 * Create an authenticator.
	 * @param keys the keys to accept
	 */
	public DigestApiKeyAuthenticator(AcceptedKeys keys) {
		this.keys = requireSome(keys);
	}

	/**
	 * Create an authenticator that accepts the given keys and the keys with the given
	 * SHA-256 digests, all unnamed.
	 * @param keys keys in plain text
	 * @param sha256Hashes hex SHA-256 digests of further keys
	 * @return the authenticator
	 * @throws IllegalArgumentException if a key is empty or not visible ASCII, or a hash
	 * is not 64 hex characters; the message never contains the value
	 */
	public static DigestApiKeyAuthenticator of(List<String> keys, List<String> sha256Hashes) {
		AcceptedKeys.Builder builder = AcceptedKeys.builder();
		for (int i = 0; i < keys.size(); i++) {
			builder.key(AcceptedKeys.UNNAMED, keys.get(i), "API key [" + i + "]");
		}
		for (int i = 0; i < sha256Hashes.size(); i++) {
			builder.sha256(AcceptedKeys.UNNAMED, sha256Hashes.get(i), "API key hash [" + i + "]");
		}
		return new DigestApiKeyAuthenticator(builder.build());
	}

	/**
	 * Create an authenticator that accepts the given keys and the keys with the given
	 * SHA-256 digests, all unnamed, each labelled by where it was configured so that an
	 * error can say which one is wrong.
	 * @param keys keys in plain text by label, such as {@code litellm.master-key}
	 * @param sha256Hashes hex SHA-256 digests of further keys by label
	 * @return the authenticator
	 * @throws IllegalArgumentException if a key is empty or not visible ASCII, or a hash
	 * is not 64 hex characters; the message names it but never contains the value
	 */
	public static DigestApiKeyAuthenticator of(Map<String, String> keys, Map<String, String> sha256Hashes) {
		AcceptedKeys.Builder builder = AcceptedKeys.builder();
		keys.forEach((label, key) -> builder.key(AcceptedKeys.UNNAMED, key, label));
		sha256Hashes.forEach((label, hash) -> builder.sha256(AcceptedKeys.UNNAMED, hash, label));
		return new DigestApiKeyAuthenticator(builder.build());
	}

	/**
	 * Replace the accepted keys, all at once.
	 * @param keys the keys to accept from now on
	 */
	public void setKeys(AcceptedKeys keys) {
		this.keys = requireSome(keys);
	}

	/**
	 * Return the keys accepted now.
	 * @return the keys
	 */
	public AcceptedKeys getKeys() {
		return this.keys;
	}

	private static AcceptedKeys requireSome(AcceptedKeys keys) {
		Assert.isTrue(keys.size() > 0, "At least one API key is required");
		return keys;
	}

	@Override
	public Mono<Boolean> authenticate(String apiKey) {
		return matches(apiKey) ? ACCEPTED : REJECTED;
	}

	@Override
	public Mono<String> identify(String apiKey) {
		return Mono.justOrEmpty(this.keys.match(apiKey));
	}

	/**
	 * Return whether the key is one of the accepted keys.
	 * @param apiKey the presented key
	 * @return {@code true} if the key is accepted
	 */
	public boolean matches(String apiKey) {
		return this.keys.match(apiKey) != null;
	}

	static byte[] sha256(String value) {
		return AcceptedKeys.digest(value);
	}

	@Override
	public String toString() {
		return "DigestApiKeyAuthenticator[" + this.keys.size() + " keys]";
	}

}
