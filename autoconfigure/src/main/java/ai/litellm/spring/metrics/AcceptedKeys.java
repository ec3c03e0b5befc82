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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An immutable set of accepted API keys, each held only as its SHA-256 digest under a
 * name that may be shown and counted where the key itself never may. A presented key is
 * compared with every digest in constant time, with no early exit, so no key's content or
 * length, nor which one matched, leaks through timing. Each key remembers where it was
 * configured, so that a source that cannot be read can keep its last good keys.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class AcceptedKeys {

	/**
	 * Plaintext keys shorter than this are accepted with a warning.
	 */
	public static final int RECOMMENDED_MINIMUM_KEY_LENGTH = 16;

	private static final String SHA_256 = "SHA-256";

	private static final AcceptedKeys NONE = new AcceptedKeys(List.of(), List.of());

	private final byte[][] digests;

	private final Entry[] entries;

	private AcceptedKeys(List<byte[]> digests, List<Entry> entries) {
		this.digests = digests.toArray(byte[][]::new);
		this.entries = entries.toArray(Entry[]::new);
	}

	/**
	 * Start building a set of keys.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a set that accepts no key.
	 * @return the empty set
	 */
	public static AcceptedKeys none() {
		return NONE;
	}

	/**
	 * Return the name of the accepted key that was presented.
	 * @param presentedKey the presented key
	 * @return the key's name, or {@code null} if it is not accepted
	 */
	public @Nullable String match(String presentedKey) {
		byte[] presented = digest(presentedKey);
		int matched = -1;
		// No early exit: every digest is compared whatever the outcome.
		for (int i = 0; i < this.digests.length; i++) {
			if (MessageDigest.isEqual(this.digests[i], presented)) {
				matched = i;
			}
		}
		return (matched >= 0) ? this.entries[matched].name : null;
	}

	/**
	 * Return how many keys are accepted.
	 * @return the number of keys
	 */
	public int size() {
		return this.digests.length;
	}

	/**
	 * Return the names of the accepted keys, each once.
	 * @return the names
	 */
	public Set<String> names() {
		return Arrays.stream(this.entries).map(Entry::name).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Return whether another set accepts exactly the same keys under the same names.
	 * @param other the other set
	 * @return {@code true} if nothing changed
	 */
	public boolean isSameAs(AcceptedKeys other) {
		return Arrays.deepEquals(this.digests, other.digests)
				&& Arrays.equals(this.entries, other.entries, Comparator.comparing(Entry::name));
	}

	/**
	 * Return the warnings, naming the source, never the key, about keys that the previous
	 * set does not hold: a plaintext key shorter than
	 * {@value #RECOMMENDED_MINIMUM_KEY_LENGTH} characters, or one that looks like a
	 * SHA-256 digest.
	 * @param previous the keys held before, {@link #none()} for all warnings
	 * @return the warnings
	 */
	public List<String> warningsSince(AcceptedKeys previous) {
		List<String> warnings = new ArrayList<>();
		for (int i = 0; i < this.entries.length; i++) {
			String warning = this.entries[i].warning;
			if (warning != null && !previous.holds(this.digests[i])) {
				warnings.add(this.entries[i].source + warning);
			}
		}
		return warnings;
	}

	private boolean holds(byte[] digest) {
		return Arrays.stream(this.digests).anyMatch((held) -> Arrays.equals(held, digest));
	}

	static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance(SHA_256).digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "AcceptedKeys" + names();
	}

	/**
	 * Builds {@link AcceptedKeys}. An error names where a value came from, never the
	 * value.
	 */
	public static final class Builder {

		private final List<byte[]> digests = new ArrayList<>();

		private final List<Entry> entries = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Accept a key given in plain text.
		 * @param name the name it is counted and logged under
		 * @param key the key, visible ASCII, which every client carries unchanged
		 * @param source where it was configured, for messages
		 * @return this builder
		 * @throws IllegalArgumentException if the key is empty or not visible ASCII
		 */
		public Builder key(String name, @Nullable String key, String source) {
			Assert.isTrue(key != null && isVisibleAscii(key), () -> source
					+ " must be a non-empty key of visible ASCII characters (no white space, control or non-ASCII characters)");
			return add(name, digest(key), source, warningFor(key));
		}

		/**
		 * Accept the key with the given SHA-256 digest.
		 * @param name the name it is counted and logged under
		 * @param sha256Hex the digest, 64 hex characters in either case
		 * @param source where it was configured, for messages
		 * @return this builder
		 * @throws IllegalArgumentException if the digest is not 64 hex characters
		 */
		public Builder sha256(String name, @Nullable String sha256Hex, String source) {
			Assert.isTrue(sha256Hex != null && isSha256Hex(sha256Hex),
					() -> source + " must be 64 hex characters (a SHA-256 digest)");
			return add(name, HexFormat.of().parseHex(sha256Hex), source, null);
		}

		/**
		 * Accept every key of another set.
		 * @param keys the keys
		 * @return this builder
		 */
		public Builder addAll(AcceptedKeys keys) {
			for (int i = 0; i < keys.digests.length; i++) {
				this.digests.add(keys.digests[i]);
				this.entries.add(keys.entries[i]);
			}
			return this;
		}

		/**
		 * Accept again the previous keys of a source that cannot be read now.
		 * @param previous the keys held before
		 * @param source a property, a file, or a directory (with every file in it)
		 * @return this builder
		 */
		public Builder keepFrom(AcceptedKeys previous, String source) {
			for (int i = 0; i < previous.digests.length; i++) {
				String kept = previous.entries[i].source;
				if (kept.equals(source) || (kept.startsWith(source) && kept.charAt(source.length()) == ' ')) {
					this.digests.add(previous.digests[i]);
					this.entries.add(previous.entries[i]);
				}
			}
			return this;
		}

		private Builder add(String name, byte[] digest, String source, @Nullable String warning) {
			this.digests.add(digest);
			this.entries.add(new Entry(name, source, warning));
			return this;
		}

		/**
		 * Return the keys added so far.
		 * @return the keys
		 */
		public AcceptedKeys build() {
			return new AcceptedKeys(this.digests, this.entries);
		}

		private static @Nullable String warningFor(String key) {
			if (key.length() < RECOMMENDED_MINIMUM_KEY_LENGTH) {
				return " is shorter than " + RECOMMENDED_MINIMUM_KEY_LENGTH
						+ " characters: anyone who can reach the metrics endpoint can guess it. Use a long random key.";
			}
			if (isSha256Hex(key)) {
				return " holds 64 hex characters, the form of a SHA-256 digest, as a plaintext key: the digest itself"
						+ " is accepted as the key. If it is a digest, configure it as one (a file named *.sha256,"
						+ " 'sha256:' before a named key, or key-hashes).";
			}
			return null;
		}

		private static boolean isVisibleAscii(String key) {
			return !key.isEmpty() && key.chars().allMatch((c) -> c > 0x20 && c < 0x7F);
		}

		private static boolean isSha256Hex(String hash) {
			return hash.length() == 64 && hash.chars().allMatch(HexFormat::isHexDigit);
		}

	}

	private record Entry(String name, String source, @Nullable String warning) {

	}

}
