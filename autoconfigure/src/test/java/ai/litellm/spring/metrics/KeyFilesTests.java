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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.litellm.spring.metrics.KeyFiles.KeyFileException;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KeyFiles}.
 */
class KeyFilesTests {

	static final String PROPERTY = "litellm.metrics-auth.key-files";

	private static final String KEY = "sk-old-rotation-key-0001";

	private static final String OTHER_KEY = "sk-new-rotation-key-0002";

	@TempDir
	Path directory;

	@Test
	void readsKeysAndDigestsFromFilesAndDirectoriesNamedAfterTheFiles() throws Exception {
		Path single = write("prometheus-a", "  " + KEY + "\n");
		Path secret = Files.createDirectory(this.directory.resolve("secret"));
		Files.writeString(secret.resolve("prometheus-b.sha256"), AcceptedKeysTests.sha256Hex(OTHER_KEY) + "\n");
		Files.writeString(secret.resolve("prometheus-c.SHA256"), AcceptedKeysTests.sha256Hex("sk-c-key"));
		Files.writeString(secret.resolve(".hidden"), "not-a-key-at-all-0000");
		Files.createDirectory(secret.resolve("nested"));
		AcceptedKeys keys = read(single, secret);
		assertThat(keys.match(KEY)).isEqualTo("prometheus-a");
		assertThat(keys.match(OTHER_KEY)).isEqualTo("prometheus-b");
		assertThat(keys.match("sk-c-key")).as("the suffix in any case").isEqualTo("prometheus-c");
		assertThat(keys.match("not-a-key-at-all-0000")).isNull();
		assertThat(keys.match(AcceptedKeysTests.sha256Hex(OTHER_KEY))).as("a digest is not a key").isNull();
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
		write("secret/good", KEY);
		write("secret/bad", "bad key");
		assertRefused(write("first", OTHER_KEY), secret).withMessageContaining(PROPERTY + "[1]")
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
		Path file = write("metrics-key", KEY);
		assertThat(new KeyFiles(List.of(file.toString()), PROPERTY)).hasToString("KeyFiles[" + file + "]");
	}

	private ThrowableAssertAlternative<KeyFileException> assertRefused(Path... files) {
		return assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> read(files));
	}

	private static AcceptedKeys read(Path... files) throws KeyFileException {
		return new KeyFiles(List.of(files).stream().map(Path::toString).toList(), PROPERTY).read();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
