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

import java.util.List;
import java.util.Map;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticatedKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The keys configured as properties: {@code litellm.master-key} (or the
 * {@code LITELLM_MASTER_KEY} environment variable), {@code keys}, {@code key-hashes} and
 * {@code named-keys}, read at startup and again when they change at run time. Errors name
 * the property, never a key; a plaintext key shorter than recommended gets a warning
 * whenever it is read.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ConfiguredKeys {

	/**
	 * Shorter keys are accepted with a warning.
	 */
	static final int RECOMMENDED_MINIMUM_KEY_LENGTH = 16;

	/**
	 * The name of the master key.
	 */
	static final String MASTER = "master";

	static final String SHA256_PREFIX = "sha256:";

	private static final Log logger = LogFactory.getLog(ConfiguredKeys.class);

	private ConfiguredKeys() {
	}

	/**
	 * Return the keys configured as properties.
	 * @param properties the bound properties
	 * @param environment the environment, for {@code LITELLM_MASTER_KEY}
	 * @return the keys
	 * @throws IllegalArgumentException if a key or hash is unusable
	 */
	static AcceptedKeys fromProperties(LiteLlmProperties properties, Environment environment) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		AcceptedKeys.Builder keys = AcceptedKeys.builder();
		String masterKey = properties.getMasterKey();
		String environmentKey = environment.getProperty(KeyProperty.MASTER_KEY_ENVIRONMENT_VARIABLE);
		if (StringUtils.hasText(masterKey)) {
			addKey(keys, MASTER, masterKey, KeyProperty.MASTER_KEY.propertyName());
		}
		else if (StringUtils.hasText(environmentKey)) {
			addKey(keys, MASTER, environmentKey, KeyProperty.MASTER_KEY_ENVIRONMENT_VARIABLE);
		}
		List<String> plain = metricsAuth.getKeys();
		for (int i = 0; i < plain.size(); i++) {
			addKey(keys, AuthenticatedKey.UNNAMED, plain.get(i), KeyProperty.KEYS.propertyName() + "[" + i + "]");
		}
		List<String> hashes = metricsAuth.getKeyHashes();
		for (int i = 0; i < hashes.size(); i++) {
			keys.sha256(AuthenticatedKey.UNNAMED, hashes.get(i).strip(),
					KeyProperty.KEY_HASHES.propertyName() + "[" + i + "]");
		}
		for (Map.Entry<String, String> named : metricsAuth.getNamedKeys().entrySet()) {
			String value = named.getValue().strip();
			String source = KeyProperty.NAMED_KEYS.propertyName() + "." + named.getKey();
			if (value.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
				keys.sha256(named.getKey(), value.substring(SHA256_PREFIX.length()), source);
			}
			else {
				addKey(keys, named.getKey(), value, source);
			}
		}
		return keys.build();
	}

	// Surrounding white space comes from editors and shells, never from a scraper.
	private static void addKey(AcceptedKeys.Builder keys, String name, String value, String source) {
		String key = value.strip();
		keys.key(name, key, source);
		if (key.length() < RECOMMENDED_MINIMUM_KEY_LENGTH) {
			logger.warn(source + " is shorter than " + RECOMMENDED_MINIMUM_KEY_LENGTH
					+ " characters: anyone who can reach the metrics endpoint can guess it. Use a long random key.");
		}
	}

}
