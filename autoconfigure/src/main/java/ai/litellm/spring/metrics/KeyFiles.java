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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files and directories that hold accepted keys, such as a mounted Kubernetes Secret: a
 * file holds one key, or its hex SHA-256 digest if named {@code *.sha256}; a directory
 * holds one such file per key. Errors name the file, never its content.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class KeyFiles {

	/**
	 * The most a key file may hold, whatever is dropped into a key directory.
	 */
	public static final int MAX_FILE_SIZE = 4096;

	private static final String SHA256_FILE_SUFFIX = ".sha256";

	private static final KeyFiles NONE = new KeyFiles(List.of(), "");

	private final List<String> locations;

	private final String propertyName;

	/**
	 * Create key files.
	 * @param locations the files and directories
	 * @param propertyName where they are configured, for error messages
	 */
	public KeyFiles(List<String> locations, String propertyName) {
		this.locations = List.copyOf(locations);
		this.propertyName = propertyName;
	}

	/**
	 * Return no key files.
	 * @return no key files
	 */
	public static KeyFiles none() {
		return NONE;
	}

	/**
	 * Return whether there are no key files to read.
	 * @return {@code true} if no file or directory is configured
	 */
	public boolean isEmpty() {
		return this.locations.isEmpty();
	}

	/**
	 * Read the keys the files hold, at startup: every file must be usable.
	 * @return the keys, each named after its file
	 * @throws KeyFileException if a file cannot be read or holds no usable key
	 */
	public AcceptedKeys read() throws KeyFileException {
		Reading reading = read(AcceptedKeys.none());
		if (!reading.problems().isEmpty()) {
			throw new KeyFileException(reading.problems().get(0));
		}
		return reading.keys();
	}

	/**
	 * Read the keys the files hold, while the application runs: a file that cannot be
	 * used keeps its previous keys, a file that is gone takes its key with it.
	 * @param previous the keys of the previous reading
	 * @return the keys, each named after its file, and what could not be read
	 */
	public Reading read(AcceptedKeys previous) {
		AcceptedKeys.Builder keys = AcceptedKeys.builder();
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < this.locations.size(); i++) {
			String source = this.propertyName + "[" + i + "] (" + this.locations.get(i) + ")";
			Path path = Path.of(this.locations.get(i));
			if (!Files.isDirectory(path)) {
				readKeyFile(keys, problems, previous, path, source, true);
				continue;
			}
			try {
				for (Path file : filesIn(path)) {
					readKeyFile(keys, problems, previous, file, source + " file " + file.getFileName(), false);
				}
			}
			catch (IOException ex) {
				problems.add(source + " cannot be read (" + ex.getClass().getSimpleName() + ")");
				keys.keepFrom(previous, source);
			}
		}
		return new Reading(keys.build(), List.copyOf(problems));
	}

	// The regular files of a directory, without the hidden entries (..data, ..2026_...)
	// a Kubernetes volume keeps beside them.
	private static List<Path> filesIn(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries
				.filter((entry) -> !entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry))
				.sorted()
				.toList();
		}
	}

	private static void readKeyFile(AcceptedKeys.Builder keys, List<String> problems, AcceptedKeys previous, Path file,
			String source, boolean configured) {
		try {
			addKey(keys, file, source);
		}
		catch (NoSuchFileException ex) {
			// Removed: revocation wins. Only a configured file is missed.
			if (configured) {
				problems.add(source + " does not exist");
			}
		}
		catch (IOException ex) {
			problems.add(source + " cannot be read (" + ex.getClass().getSimpleName() + ")");
			keys.keepFrom(previous, source);
		}
		catch (IllegalArgumentException | KeyFileException ex) {
			problems.add(ex.getMessage());
			keys.keepFrom(previous, source);
		}
	}

	private static void addKey(AcceptedKeys.Builder keys, Path file, String source)
			throws IOException, KeyFileException {
		if (Files.size(file) > MAX_FILE_SIZE) {
			throw new KeyFileException(source + " is larger than " + MAX_FILE_SIZE + " bytes: it holds no key");
		}
		String content = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (content.isEmpty()) {
			throw new KeyFileException(source + " is empty");
		}
		String fileName = file.getFileName().toString();
		int nameLength = fileName.length() - SHA256_FILE_SUFFIX.length();
		if (nameLength > 0
				&& fileName.regionMatches(true, nameLength, SHA256_FILE_SUFFIX, 0, SHA256_FILE_SUFFIX.length())) {
			keys.sha256(fileName.substring(0, nameLength), content, source);
		}
		else {
			keys.key(fileName, content, source);
		}
	}

	@Override
	public String toString() {
		return "KeyFiles" + this.locations;
	}

	/**
	 * What a reading of the key files found.
	 *
	 * @param keys the keys they hold, and those kept for files that could not be read
	 * @param problems what could not be read, each naming the file, never its content
	 */
	public record Reading(AcceptedKeys keys, List<String> problems) {

	}

	/**
	 * A key file that cannot be used; the message never holds the content.
	 */
	public static final class KeyFileException extends Exception {

		KeyFileException(String message) {
			super(message, null, false, false);
		}

	}

}
