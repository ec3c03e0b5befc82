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

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import ai.litellm.spring.metrics.KeyFiles.KeyFileException;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link KeyRing}, the {@link AcceptedKeys} it holds and the {@link KeyFiles}
 * it reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyRingTests {

	private static final String PROPERTY = "litellm.metrics-auth.key-files";

	private static final String OLD_KEY = "sk-old-rotation-key-0001";

	private static final String NEW_KEY = "sk-new-rotation-key-0002";

	private static final String KEY = "sk-master-1234";

	private static final AcceptedKeys NO_KEYS = AcceptedKeys.builder().build();

	@TempDir
	Path directory;

	private final List<Boolean> readings = new CopyOnWriteArrayList<>();

	private final List<AcceptedKeys> changes = new CopyOnWriteArrayList<>();

	private final List<KeyRing> rings = new ArrayList<>();

	private final AcceptedKeys master = key("master", KEY);

	private final KeyRing.Listener listener = new KeyRing.Listener() {

		@Override
		public void keysChanged(AcceptedKeys keys) {
			KeyRingTests.this.changes.add(keys);
		}

		@Override
		public void filesRead(boolean usable) {
			KeyRingTests.this.readings.add(usable);
		}

	};

	@AfterEach
	void stop() {
		this.rings.forEach(KeyRing::stop);
	}

	@Test
	void matchesConfiguredKeysByNameAndNeitherStartsNorReadsAnything() {
		KeyRing ring = new KeyRing(key("master", OLD_KEY));
		assertThat(ring.match(OLD_KEY)).isEqualTo("master");
		assertThat(ring.match(NEW_KEY)).isNull();
		ring.start();
		assertThat(ring.isRunning()).as("no key files to follow").isFalse();
		assertThat(ring).hasToString("KeyRing[1 keys]");
	}

	@Test
	void tellsTheKeysAndTheFirstReadingAtConstruction() throws Exception {
		KeyRing ring = ring(List.of(write("metrics-key", NEW_KEY)), key("master", OLD_KEY), Duration.ofHours(1));
		assertThat(ring.getKeys().names()).containsExactly("master", "metrics-key");
		assertThat(this.changes).singleElement().isSameAs(ring.getKeys());
		assertThat(this.readings).containsExactly(true);
	}

	@Test
	void refusesAKeyFileThatCannotBeUsedAtConstruction() throws Exception {
		Path empty = write("metrics-key", " ");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyRing(NO_KEYS, files(empty), Duration.ofHours(1), this.listener))
			.withMessageContaining(empty.toString());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KeyRing(NO_KEYS, KeyFiles.none(), Duration.ZERO, this.listener));
	}

	@Test
	void followsAKubernetesSecretThroughItsAtomicSymlinkSwap() throws Exception {
		KubernetesSecret secret = new KubernetesSecret(this.directory.resolve("secret"));
		secret.publish("metrics-key", OLD_KEY);
		KeyRing ring = ring(List.of(secret.mountPath), NO_KEYS, Duration.ofHours(1));
		assertThat(ring.match(OLD_KEY)).isEqualTo("metrics-key");
		secret.publish("metrics-key", OLD_KEY, "metrics-key-next", NEW_KEY);
		ring.reload();
		assertThat(ring.match(OLD_KEY)).isEqualTo("metrics-key");
		assertThat(ring.match(NEW_KEY)).isEqualTo("metrics-key-next");
		secret.publish("metrics-key-next", NEW_KEY);
		ring.reload();
		ring.reload();
		assertThat(ring.match(OLD_KEY)).isNull();
		assertThat(ring.match(NEW_KEY)).isEqualTo("metrics-key-next");
		assertThat(this.readings).containsExactly(true, true, true, true);
		assertThat(this.changes).as("told each change once, not each reading").hasSize(3);
	}

	@Test
	void keepsTheLastGoodKeyOfAFileThatBecomesEmptyOrGarbageAndWarnsOncePerChange(CapturedOutput output)
			throws Exception {
		Path file = write("metrics-key", OLD_KEY);
		KeyRing ring = ring(List.of(file), NO_KEYS, Duration.ofHours(1));
		Files.writeString(file, "");
		ring.reload();
		ring.reload();
		ring.reload();
		assertThat(ring.match(OLD_KEY)).isNotNull();
		Files.writeString(file, "garbage with spaces");
		ring.reload();
		ring.reload();
		assertThat(ring.match(OLD_KEY)).isNotNull();
		Files.delete(file);
		ring.reload();
		assertThat(ring.match(OLD_KEY)).as("a removed file revokes its key").isNull();
		assertThat(this.readings).containsExactly(true, false, false, false, false, false, false);
		String log = output.toString();
		assertThat(log.split("keeping the last good key", -1)).as("one WARN per change, not per reading").hasSize(4);
		assertThat(log).contains("does not exist").doesNotContain("garbage").doesNotContain(OLD_KEY);
		Files.writeString(file, NEW_KEY);
		ring.reload();
		assertThat(ring.match(NEW_KEY)).isNotNull();
		assertThat(output).contains("The metrics key files are usable again");
		assertThat(this.readings).endsWith(true);
	}

	@Test
	void revokesARemovedKeyWhileAnotherFileCannotBeRead() throws Exception {
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		Path compromised = write("secret/compromised", OLD_KEY);
		Path other = write("secret/other", NEW_KEY);
		KeyRing ring = ring(List.of(secret), NO_KEYS, Duration.ofHours(1));
		Files.writeString(other, "malformed key");
		Files.delete(compromised);
		ring.reload();
		assertThat(ring.match(OLD_KEY)).as("revocation wins").isNull();
		assertThat(ring.match(NEW_KEY)).as("what cannot be read keeps its last good key").isEqualTo("other");
		assertThat(this.readings).containsExactly(true, false);
	}

	@Test
	void acceptsNoKeyOnceAReadingFindsNone(CapturedOutput output) throws Exception {
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		Path file = write("secret/metrics-key", OLD_KEY);
		KeyRing ring = ring(List.of(secret), NO_KEYS, Duration.ofHours(1));
		Files.delete(file);
		ring.reload();
		assertThat(ring.match(OLD_KEY)).isNull();
		assertThat(ring.getKeys().size()).isZero();
		assertThat(this.readings).containsExactly(true, true);
		assertThat(output).contains("no key is accepted now, and every metrics request is answered 401");
		KeyRing configured = new KeyRing(key("master", OLD_KEY));
		configured.setConfiguredKeys(NO_KEYS);
		assertThat(configured.match(OLD_KEY)).isNull();
	}

	@Test
	void readsNeitherAHugeNorASparseFileAndRevokesWhatIsRemovedAfterIt(CapturedOutput output) throws Exception {
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		Path file = write("secret/metrics-key", OLD_KEY);
		KeyRing ring = ring(List.of(secret), NO_KEYS, Duration.ofMillis(20));
		ring.start();
		try (RandomAccessFile huge = new RandomAccessFile(secret.resolve("huge").toFile(), "rw")) {
			huge.setLength(3L * 1024 * 1024 * 1024);
		}
		await().until(() -> this.readings.contains(false));
		Files.delete(file);
		await().until(() -> ring.match(OLD_KEY) == null);
		assertThat(ring.isRunning()).isTrue();
		assertThat(output).contains("file huge is larger than 4096 bytes");
	}

	@Test
	void readsADigestFileWhateverTheCaseOfItsSuffix() throws Exception {
		String digest = sha256Hex(OLD_KEY);
		Path file = write("prometheus.SHA256", digest);
		KeyRing ring = ring(List.of(file), NO_KEYS, Duration.ofHours(1));
		assertThat(ring.match(OLD_KEY)).isEqualTo("prometheus");
		assertThat(ring.match(digest)).as("a digest is not itself a key").isNull();
	}

	@Test
	void warnsOfAShortOrDigestLikeKeyWhenItFirstAppearsAndNeverShowsIt(CapturedOutput output) throws Exception {
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		write("secret/metrics-key", OLD_KEY);
		KeyRing ring = ring(List.of(secret), key("master", "sk-Rt5"), Duration.ofHours(1));
		assertThat(output).contains("test is shorter than 16 characters");
		write("secret/short", "sk-Rt4");
		ring.reload();
		String digestLike = sha256Hex(NEW_KEY);
		write("secret/hex", digestLike);
		ring.reload();
		ring.reload();
		assertThat(ring.match("sk-Rt4")).isEqualTo("short");
		String log = output.toString();
		assertThat(log.split("file short is shorter than 16 characters", -1)).as("warned once").hasSize(2);
		assertThat(log.split("file hex holds 64 hex characters", -1)).as("warned once").hasSize(2);
		assertThat(log).doesNotContain("sk-Rt4").doesNotContain("sk-Rt5").doesNotContain(digestLike);
	}

	@Test
	void takesNewConfiguredKeysBesideTheFilesKeysReadAgain() throws Exception {
		Path file = write("metrics-key", NEW_KEY);
		KeyRing ring = ring(List.of(file), key("master", OLD_KEY), Duration.ofHours(1));
		Files.writeString(file, "sk-rotated-file-key-0003");
		ring.setConfiguredKeys(key("master", "sk-rotated-master-0004"));
		assertThat(ring.match(OLD_KEY)).isNull();
		assertThat(ring.match(NEW_KEY)).isNull();
		assertThat(ring.match("sk-rotated-master-0004")).isEqualTo("master");
		assertThat(ring.match("sk-rotated-file-key-0003")).isEqualTo("metrics-key");
		assertThat(this.changes).hasSize(2);
	}

	@Test
	void tellsNoReadingOfKeyFilesWhenThereAreNone() throws Exception {
		KeyRing ring = ring(List.of(), key("master", OLD_KEY), Duration.ofHours(1));
		ring.setConfiguredKeys(key("master", NEW_KEY));
		ring.setConfiguredKeys(NO_KEYS);
		assertThat(ring.match(NEW_KEY)).as("a change that leaves no key accepts none").isNull();
		assertThat(this.changes).hasSize(3);
		assertThat(this.readings).as("no key file was read").isEmpty();
	}

	@Test
	void readsAgainOnItsOwnOnlyOnceStartedAndUntilStopped() throws Exception {
		Path file = write("metrics-key", OLD_KEY);
		KeyRing ring = ring(List.of(file), NO_KEYS, Duration.ofMillis(20));
		Files.writeString(file, NEW_KEY);
		Thread.sleep(200);
		assertThat(ring.isRunning()).isFalse();
		assertThat(ring.match(OLD_KEY)).as("no thread reads before start()").isNotNull();
		ring.start();
		ring.start();
		assertThat(ring.isRunning()).isTrue();
		assertThat(Thread.getAllStackTraces().keySet())
			.filteredOn((thread) -> thread.getName().equals("litellm-key-files"))
			.as("a daemon, which never keeps the JVM from exiting")
			.isNotEmpty()
			.allMatch(Thread::isDaemon);
		await().until(() -> ring.match(NEW_KEY) != null);
		assertThat(ring.match(OLD_KEY)).isNull();
		ring.stop();
		assertThat(ring.isRunning()).isFalse();
		Files.writeString(file, "sk-after-stop-key-0005");
		Thread.sleep(200);
		assertThat(ring.match(NEW_KEY)).as("stopped: the keys read last stay").isNotNull();
	}

	@Test
	void keepsReadingAfterAReadingThrows() throws Exception {
		Path file = write("metrics-key", OLD_KEY);
		AtomicInteger throwing = new AtomicInteger();
		KeyRing ring = new KeyRing(NO_KEYS, files(file), Duration.ofMillis(20), new KeyRing.Listener() {

			@Override
			public void keysChanged(AcceptedKeys keys) {
				if (throwing.incrementAndGet() == 2) {
					throw new IllegalStateException("listener failed");
				}
			}

			@Override
			public void filesRead(boolean usable) {
				KeyRingTests.this.readings.add(usable);
			}

		});
		this.rings.add(ring);
		ring.start();
		replace(file, NEW_KEY);
		await().until(() -> throwing.get() >= 2);
		replace(file, "sk-third-rotation-0003");
		await().until(() -> ring.match("sk-third-rotation-0003") != null);
		assertThat(ring.match(NEW_KEY)).isNull();
		assertThat(this.readings).as("the reading that threw is told as unusable").contains(false);
	}

	@Test
	void neverAcceptsARemovedKeyOnceTheSwapIsVisible() throws Exception {
		AcceptedKeys withOld = key("old", OLD_KEY);
		AcceptedKeys withoutOld = key("new", NEW_KEY);
		KeyRing ring = new KeyRing(withOld);
		// A sequence lock: the version is odd while a swap is under way and even when it
		// is done, so a reader that sees the same even version before and after checking
		// knows which set it checked against. Swap k leaves version 2k, without the old
		// key when k is odd.
		AtomicInteger version = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<String> violation = new AtomicReference<>();
		AtomicLong checksAfterRemoval = new AtomicLong();
		List<Thread> checkers = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			Thread checker = new Thread(() -> {
				while (!stop.get()) {
					int before = version.get();
					boolean accepted = ring.match(OLD_KEY) != null;
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
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(KeyRing.class.getName(), LogLevel.WARN);
		try {
			// Bounded: 20,000 swaps or more, until the checkers saw enough removals.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			for (int k = 1; k <= 20_000 || (checksAfterRemoval.get() < 1_000 && System.nanoTime() < deadline); k++) {
				version.incrementAndGet();
				ring.setConfiguredKeys((k % 2 == 1) ? withoutOld : withOld);
				version.incrementAndGet();
			}
		}
		finally {
			logging.setLogLevel(KeyRing.class.getName(), null);
			stop.set(true);
		}
		for (Thread checker : checkers) {
			checker.join();
		}
		assertThat(violation.get()).isNull();
		assertThat(checksAfterRemoval).as("checks that saw a finished removal").hasPositiveValue();
	}

	@Test
	void readsKeysAndDigestsFromFilesAndDirectoriesNamedAfterTheFiles() throws Exception {
		Path single = write("prometheus-a", "  " + OLD_KEY + "\n");
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		Files.writeString(secret.resolve("prometheus-b.sha256"), sha256Hex(NEW_KEY) + "\n");
		Files.writeString(secret.resolve("prometheus-c.SHA256"), sha256Hex("sk-c-key"));
		Files.writeString(secret.resolve(".hidden"), "not-a-key-at-all-0000");
		Files.createDirectory(secret.resolve("nested"));
		AcceptedKeys keys = read(single, secret);
		assertThat(keys.match(OLD_KEY)).isEqualTo("prometheus-a");
		assertThat(keys.match(NEW_KEY)).isEqualTo("prometheus-b");
		assertThat(keys.match("sk-c-key")).as("the suffix in any case").isEqualTo("prometheus-c");
		assertThat(keys.match("not-a-key-at-all-0000")).isNull();
		assertThat(keys.match(sha256Hex(NEW_KEY))).as("a digest is not a key").isNull();
		assertThat(keys.size()).isEqualTo(3);
	}

	@Test
	void refusesAMissingEmptyOrInvalidFileNamingItButNeverItsContent() throws Exception {
		Path missing = this.directory.resolve("missing");
		assertRefused(missing).withMessageContaining(PROPERTY + "[0]").withMessageContaining(missing.toString());
		assertRefused(write("empty", "  \n")).withMessageContaining("empty");
		assertRefused(write("spaced", "sk-with a-space-in-it")).withMessageContaining("visible ASCII")
			.withMessageNotContaining("a-space-in-it");
		assertRefused(write("bad.sha256", "sk-not-a-digest")).withMessageContaining("64 hex characters")
			.withMessageNotContaining("sk-not-a-digest");
	}

	@Test
	void refusesAFileLargerThanAKeyCanBeWithoutReadingIt() throws Exception {
		Path large = write("large", "sk-" + "x".repeat(KeyFiles.MAX_FILE_SIZE - 2));
		assertRefused(large).withMessageContaining("larger than 4096 bytes").withMessageNotContaining("sk-xxx");
		Path largest = write("largest", "sk-" + "x".repeat(KeyFiles.MAX_FILE_SIZE - 3));
		assertThat(read(largest).match(Files.readString(largest))).isEqualTo("largest");
	}

	@Test
	void namesTheFileOfADirectoryThatCannotBeUsed() throws Exception {
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		write("secret/good", OLD_KEY);
		write("secret/bad", "bad key");
		assertRefused(write("first", NEW_KEY), secret).withMessageContaining(PROPERTY + "[1]")
			.withMessageContaining("file bad");
	}

	@Test
	void readsNoKeyFromAnEmptyDirectoryOrFromNoFiles() throws Exception {
		assertThat(read(Files.createDirectory(this.directory.resolve("empty"))).size()).isZero();
		assertThat(KeyFiles.none().isEmpty()).isTrue();
		assertThat(KeyFiles.none().read().size()).isZero();
		assertThat(new KeyFiles(List.of("x"), PROPERTY).isEmpty()).isFalse();
	}

	@Test
	void doesNotPrintWhatTheFilesHold() throws Exception {
		Path file = write("metrics-key", OLD_KEY);
		assertThat(new KeyFiles(List.of(file.toString()), PROPERTY)).hasToString("KeyFiles[" + file + "]");
	}

	@Test
	void acceptsTheConfiguredKeyUnderItsName() {
		assertThat(this.master.match(KEY)).isEqualTo("master");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-master-123", "sk-master-12345", "SK-MASTER-1234", "sk-master-1234 ", "x", "",
			"sk-master-1234\u00e9", "ffd1f8b2ce42a8ee1f6f2d1bbd3c10ff5a2c3f7b5b8e5b4dfab4a1c3e07b0f9d" })
	void rejectsAnyOtherKey(String presented) {
		assertThat(this.master.match(presented)).isNull();
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
		assertThat(this.master.toString()).isEqualTo("AcceptedKeys[master]")
			.doesNotContain(KEY)
			.doesNotContain(sha256Hex(KEY));
	}

	private ThrowableAssertAlternative<KeyFileException> assertRefused(Path... files) {
		return assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> read(files));
	}

	private static AcceptedKeys read(Path... files) throws KeyFileException {
		return files(files).read();
	}

	private KeyRing ring(List<Path> files, AcceptedKeys configured, Duration refresh) throws KeyFileException {
		KeyRing ring = new KeyRing(configured, files(files.toArray(Path[]::new)), refresh, this.listener);
		this.rings.add(ring);
		return ring;
	}

	private static KeyFiles files(Path... files) {
		return new KeyFiles(List.of(files).stream().map(Path::toString).toList(), PROPERTY);
	}

	private static AcceptedKeys key(String name, String key) {
		return AcceptedKeys.builder().key(name, key, "test").build();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	// At once: a reading that caught the file half written would be told unusable anyway.
	private static void replace(Path file, String content) throws IOException {
		Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
		Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String sha256Hex(String key) {
		return HexFormat.of().formatHex(AcceptedKeys.digest(key));
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
