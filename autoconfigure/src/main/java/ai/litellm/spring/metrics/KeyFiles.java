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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files and directories that hold accepted keys, such as a mounted Kubernetes Secret: a
 * file holds one key (surrounding white space ignored), or its hex SHA-256 digest if its
 * name ends with {@code .sha256} in any case; a directory holds one such file per key,
 * named after it. Errors name the file, never its content.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class KeyFiles {

	/**
	 * The most a key file may hold: a key is a few dozen bytes, and reading a file is
	 * bounded by this, whatever is dropped into a key directory.
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
	 * Return no key files at all.
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
	 * Read the keys the files hold now.
	 * @return the keys, each named after its file
	 * @throws KeyFileException if a file or directory cannot be read or holds no usable
	 * key
	 */
	public AcceptedKeys read() throws KeyFileException {
		AcceptedKeys.Builder keys = AcceptedKeys.builder();
		for (int i = 0; i < this.locations.size(); i++) {
			String source = this.propertyName + "[" + i + "] (" + this.locations.get(i) + ")";
			Path path = Path.of(this.locations.get(i));
			try {
				if (Files.isDirectory(path)) {
					for (Path file : filesIn(path)) {
						readKeyFile(keys, file, source + " file " + file.getFileName());
					}
				}
				else {
					readKeyFile(keys, path, source);
				}
			}
			catch (IOException ex) {
				throw new KeyFileException(source + " cannot be read (" + ex.getClass().getSimpleName() + ")");
			}
			catch (IllegalArgumentException ex) {
				throw new KeyFileException(ex.getMessage());
			}
		}
		return keys.build();
	}

	// The regular files of a directory, without the hidden entries (..data, ..2026_...)
	// a Kubernetes volume keeps beside them.
	private static List<Path> filesIn(Path directory) throws IOException {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				if (!entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry)) {
					files.add(entry);
				}
			}
		}
		files.sort(null);
		return files;
	}

	private static void readKeyFile(AcceptedKeys.Builder keys, Path file, String source)
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
	 * A key file that cannot be used. Its message names the property and the file, never
	 * the content.
	 */
	public static final class KeyFileException extends Exception {

		KeyFileException(String message) {
			super(message, null, false, false);
		}

	}

}
