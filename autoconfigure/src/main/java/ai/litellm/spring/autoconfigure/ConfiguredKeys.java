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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.litellm.spring.metrics.AcceptedKeys;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The keys the configuration accepts: {@code litellm.master-key} (or the
 * {@code LITELLM_MASTER_KEY} environment variable), {@code keys}, {@code key-hashes},
 * {@code named-keys} and the contents of {@code key-files}. Errors name the property and
 * the file, never a key.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ConfiguredKeys {

	/**
	 * The environment variable LiteLLM deployments hold the master key in.
	 */
	static final String MASTER_KEY_ENVIRONMENT_VARIABLE = "LITELLM_MASTER_KEY";

	static final String SHA256_PREFIX = "sha256:";

	static final String SHA256_FILE_SUFFIX = ".sha256";

	private static final String KEY_FILES_PROPERTY = "litellm.metrics-auth.key-files";

	private ConfiguredKeys() {
	}

	/**
	 * Return the keys configured as properties, read once at startup.
	 * @param properties the bound properties
	 * @param environment the environment, for {@code LITELLM_MASTER_KEY}
	 * @return the keys and, by label, those that are shorter than recommended
	 * @throws IllegalArgumentException if a key or hash is unusable
	 */
	static AcceptedKeys fromProperties(LiteLlmProperties properties, Environment environment) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		AcceptedKeys.Builder keys = AcceptedKeys.builder();
		String masterKey = properties.getMasterKey();
		String environmentKey = environment.getProperty(MASTER_KEY_ENVIRONMENT_VARIABLE);
		// Surrounding white space comes from editors and shells, never from a scraper.
		if (StringUtils.hasText(masterKey)) {
			keys.key("master", masterKey.strip(), "litellm.master-key");
		}
		else if (StringUtils.hasText(environmentKey)) {
			keys.key("master", environmentKey.strip(), MASTER_KEY_ENVIRONMENT_VARIABLE);
		}
		List<String> plain = metricsAuth.getKeys();
		for (int i = 0; i < plain.size(); i++) {
			keys.key(AcceptedKeys.UNNAMED, plain.get(i).strip(), "litellm.metrics-auth.keys[" + i + "]");
		}
		List<String> hashes = metricsAuth.getKeyHashes();
		for (int i = 0; i < hashes.size(); i++) {
			keys.sha256(AcceptedKeys.UNNAMED, hashes.get(i).strip(), "litellm.metrics-auth.key-hashes[" + i + "]");
		}
		for (Map.Entry<String, String> named : metricsAuth.getNamedKeys().entrySet()) {
			add(keys, named.getKey(), named.getValue().strip(), "litellm.metrics-auth.named-keys." + named.getKey());
		}
		return keys.build();
	}

	/**
	 * Return the keys in the key files as they are now.
	 * @param keyFiles the configured files and directories
	 * @return the keys
	 * @throws KeyFileException if a file or directory cannot be read or holds no usable
	 * key
	 */
	static AcceptedKeys fromFiles(List<String> keyFiles) throws KeyFileException {
		AcceptedKeys.Builder keys = AcceptedKeys.builder();
		for (int i = 0; i < keyFiles.size(); i++) {
			String source = KEY_FILES_PROPERTY + "[" + i + "] (" + keyFiles.get(i) + ")";
			Path path = Path.of(keyFiles.get(i));
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
		String content = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (content.isEmpty()) {
			throw new KeyFileException(source + " is empty");
		}
		String fileName = file.getFileName().toString();
		if (fileName.endsWith(SHA256_FILE_SUFFIX)) {
			keys.sha256(fileName.substring(0, fileName.length() - SHA256_FILE_SUFFIX.length()), content, source);
		}
		else {
			keys.key(fileName, content, source);
		}
	}

	private static void add(AcceptedKeys.Builder keys, String name, String value, String source) {
		if (value.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
			keys.sha256(name, value.substring(SHA256_PREFIX.length()), source);
		}
		else {
			keys.key(name, value, source);
		}
	}

	/**
	 * A key file that cannot be used. Its message names the property and the file, never
	 * the content.
	 */
	static final class KeyFileException extends Exception {

		KeyFileException(String message) {
			super(message, null, false, false);
		}

	}

}
