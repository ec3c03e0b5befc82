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

package ai.litellm.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import ai.litellm.spring.autoconfigure.ConfiguredKeys.KeyFileException;
import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KeyFilesReloader} and the key files it reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyFilesReloaderTests {

	private static final String OLD_KEY = "sk-old-rotation-key-0001";

	private static final String NEW_KEY = "sk-new-rotation-key-0002";

	@TempDir
	Path directory;

	private final List<Boolean> readings = new CopyOnWriteArrayList<>();

	private final List<KeyFilesReloader> reloaders = new ArrayList<>();

	@AfterEach
	void close() {
		this.reloaders.forEach(KeyFilesReloader::close);
	}

	@Test
	void readsKeysAndDigestsFromFilesAndDirectoriesNamedAfterTheFiles() throws Exception {
		Path single = write("prometheus-a", "  " + OLD_KEY + "\n");
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		Files.writeString(secret.resolve("prometheus-b.sha256"), sha256Hex(NEW_KEY) + "\n");
		Files.writeString(secret.resolve(".hidden"), "not-a-key-at-all-0000");
		AcceptedKeys keys = ConfiguredKeys.fromFiles(List.of(single.toString(), secret.toString()));
		assertThat(keys.match(OLD_KEY)).isEqualTo("prometheus-a");
		assertThat(keys.match(NEW_KEY)).isEqualTo("prometheus-b");
		assertThat(keys.match("not-a-key-at-all-0000")).isNull();
		assertThat(keys.match(sha256Hex(NEW_KEY))).as("a digest is not a key").isNull();
	}

	@Test
	void refusesAMissingEmptyOrInvalidFileNamingItButNeverItsContent() throws Exception {
		Path missing = this.directory.resolve("missing");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> ConfiguredKeys.fromFiles(List.of(missing.toString())))
			.withMessageContaining("litellm.metrics-auth.key-files[0]")
			.withMessageContaining(missing.toString());
		Path empty = write("empty", "  \n");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> ConfiguredKeys.fromFiles(List.of(empty.toString())))
			.withMessageContaining(empty.toString());
		Path spaced = write("spaced", "sk-with a-space-in-it");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> ConfiguredKeys.fromFiles(List.of(spaced.toString())))
			.withMessageContaining("visible ASCII")
			.withMessageNotContaining("a-space-in-it");
		Path badDigest = write("bad.sha256", "sk-not-a-digest");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> ConfiguredKeys.fromFiles(List.of(badDigest.toString())))
			.withMessageContaining("64 hex characters")
			.withMessageNotContaining("sk-not-a-digest");
	}

	@Test
	void followsAKubernetesSecretThroughItsAtomicSymlinkSwap() throws Exception {
		KubernetesSecret secret = new KubernetesSecret(this.directory.resolve("secret"));
		secret.publish("metrics-key", OLD_KEY);
		DigestApiKeyAuthenticator authenticator = start(secret.mountPath.toString());
		assertThat(authenticator.matches(OLD_KEY)).isTrue();
		secret.publish("metrics-key", OLD_KEY, "metrics-key-next", NEW_KEY);
		reloaderOf().reload();
		assertThat(authenticator.matches(OLD_KEY)).isTrue();
		assertThat(authenticator.matches(NEW_KEY)).isTrue();
		secret.publish("metrics-key-next", NEW_KEY);
		reloaderOf().reload();
		assertThat(authenticator.matches(OLD_KEY)).isFalse();
		assertThat(authenticator.getKeys().match(NEW_KEY)).isEqualTo("metrics-key-next");
		assertThat(this.readings).containsOnly(true);
	}

	@Test
	void keepsTheLastGoodSetWhenAFileBecomesEmptyOrGarbageAndWarnsOncePerChange(CapturedOutput output)
			throws Exception {
		Path file = write("metrics-key", OLD_KEY);
		DigestApiKeyAuthenticator authenticator = start(file.toString());
		Files.writeString(file, "");
		reloaderOf().reload();
		reloaderOf().reload();
		reloaderOf().reload();
		assertThat(authenticator.matches(OLD_KEY)).isTrue();
		Files.writeString(file, "garbage with spaces");
		reloaderOf().reload();
		reloaderOf().reload();
		assertThat(authenticator.matches(OLD_KEY)).isTrue();
		Files.delete(file);
		reloaderOf().reload();
		assertThat(authenticator.matches(OLD_KEY)).isTrue();
		assertThat(this.readings).containsExactly(false, false, false, false, false, false);
		String log = output.toString();
		assertThat(log.split("keeping the last good set", -1)).as("one WARN per change, not per reading").hasSize(4);
		assertThat(log).doesNotContain("garbage").doesNotContain(OLD_KEY);
		Files.writeString(file, NEW_KEY);
		reloaderOf().reload();
		assertThat(authenticator.matches(NEW_KEY)).isTrue();
		assertThat(authenticator.matches(OLD_KEY)).isFalse();
		assertThat(output).contains("The metrics key files are usable again");
	}

	@Test
	void reloadsOnItsOwnWithinTheRefreshInterval() throws Exception {
		Path file = write("metrics-key", OLD_KEY);
		DigestApiKeyAuthenticator authenticator = start(file.toString(), Duration.ofMillis(50));
		Files.writeString(file, NEW_KEY);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!authenticator.matches(NEW_KEY) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(authenticator.matches(NEW_KEY)).isTrue();
		assertThat(authenticator.matches(OLD_KEY)).isFalse();
	}

	@Test
	void neverAcceptsARemovedKeyOnceTheSwapIsVisible() throws Exception {
		AcceptedKeys withOld = AcceptedKeys.builder().key("old", OLD_KEY, "test").build();
		AcceptedKeys withoutOld = AcceptedKeys.builder().key("new", NEW_KEY, "test").build();
		DigestApiKeyAuthenticator authenticator = new DigestApiKeyAuthenticator(withOld);
		// A sequence lock: the version is odd while a swap is under way and even when it
		// is
		// done, so a reader that sees the same even version before and after checking
		// knows
		// which set it checked against. Swap k leaves version 2k, without the old key
		// when
		// k is odd.
		AtomicInteger version = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<String> violation = new AtomicReference<>();
		AtomicLong checksAfterRemoval = new AtomicLong();
		List<Thread> checkers = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			Thread checker = new Thread(() -> {
				while (!stop.get()) {
					int before = version.get();
					boolean accepted = authenticator.matches(OLD_KEY);
					boolean stable = version.get() == before;
					if (stable && before % 4 == 2) {
						checksAfterRemoval.incrementAndGet();
						if (accepted) {
							violation.set("old key accepted at version " + before);
						}
					}
				}
			});
			checker.start();
			checkers.add(checker);
		}
		// Bounded: at least 20,000 swaps, then on until the checkers saw enough removals.
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		for (int k = 1; k <= 20_000 || (checksAfterRemoval.get() < 1_000 && System.nanoTime() < deadline); k++) {
			version.incrementAndGet();
			authenticator.setKeys((k % 2 == 1) ? withoutOld : withOld);
			version.incrementAndGet();
		}
		stop.set(true);
		for (Thread checker : checkers) {
			checker.join();
		}
		assertThat(violation.get()).isNull();
		assertThat(checksAfterRemoval).as("checks that saw a finished removal").hasPositiveValue();
	}

	// Polling slower than the test, which reloads by hand.
	private DigestApiKeyAuthenticator start(String keyFile) throws KeyFileException {
		return start(keyFile, Duration.ofHours(1));
	}

	private DigestApiKeyAuthenticator start(String keyFile, Duration refresh) throws KeyFileException {
		AcceptedKeys configured = AcceptedKeys.builder().build();
		DigestApiKeyAuthenticator authenticator = new DigestApiKeyAuthenticator(
				KeyFilesReloader.initialKeys(configured, List.of(keyFile)));
		this.reloaders
			.add(new KeyFilesReloader(authenticator, configured, List.of(keyFile), refresh, this.readings::add));
		return authenticator;
	}

	private KeyFilesReloader reloaderOf() {
		return this.reloaders.get(0);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private static String sha256Hex(String key) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A Secret as the kubelet mounts it: each key a symlink to {@code ..data/<key>},
	 * {@code ..data} a symlink to a timestamped directory, swapped atomically by a rename
	 * on every update.
	 */
	static final class KubernetesSecret {

		final Path mountPath;

		private int version;

		KubernetesSecret(Path mountPath) throws IOException {
			this.mountPath = Files.createDirectories(mountPath);
		}

		void publish(String... namesAndKeys) throws IOException {
			Path data = Files.createDirectory(this.mountPath.resolve("..2026_11_27_v" + (++this.version)));
			List<String> names = new ArrayList<>();
			for (int i = 0; i < namesAndKeys.length; i += 2) {
				Files.writeString(data.resolve(namesAndKeys[i]), namesAndKeys[i + 1]);
				names.add(namesAndKeys[i]);
			}
			Path next = this.mountPath.resolve("..data_tmp");
			Files.createSymbolicLink(next, data.getFileName());
			Files.move(next, this.mountPath.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
			try (var entries = Files.list(this.mountPath)) {
				for (Path entry : entries.toList()) {
					if (!entry.getFileName().toString().startsWith(".")) {
						Files.delete(entry);
					}
				}
			}
			for (String name : names) {
				Files.createSymbolicLink(this.mountPath.resolve(name), Path.of("..data", name));
			}
		}

	}

}
