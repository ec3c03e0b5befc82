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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticatedKey;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Reads the keys configured as properties, at startup and when they change. Errors name
 * the property, never a key.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ConfiguredKeys {

	static final String MASTER = "master";

	static final String SHA256_PREFIX = "sha256:";

	private final AcceptedKeys.Builder keys = AcceptedKeys.builder();

	private final @Nullable AcceptedKeys previous;

	private final List<String> problems = new ArrayList<>();

	private ConfiguredKeys(@Nullable AcceptedKeys previous) {
		this.previous = previous;
	}

	// At startup: an unusable key or hash throws an IllegalArgumentException.
	static AcceptedKeys fromProperties(LiteLlmProperties properties, Environment environment) {
		return new ConfiguredKeys(null).read(properties, environment).keys.build();
	}

	// At run time: an unusable value keeps its previous key and is added to problems.
	static AcceptedKeys fromProperties(LiteLlmProperties properties, Environment environment, AcceptedKeys previous,
			List<String> problems) {
		ConfiguredKeys configured = new ConfiguredKeys(previous).read(properties, environment);
		problems.addAll(configured.problems);
		return configured.keys.build();
	}

	private ConfiguredKeys read(LiteLlmProperties properties, Environment environment) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		String masterKey = properties.getMasterKey();
		String environmentKey = environment.getProperty(KeyProperty.MASTER_KEY_ENVIRONMENT_VARIABLE);
		if (StringUtils.hasText(masterKey)) {
			key(MASTER, masterKey, KeyProperty.MASTER_KEY.propertyName());
		}
		else if (StringUtils.hasText(environmentKey)) {
			key(MASTER, environmentKey, KeyProperty.MASTER_KEY_ENVIRONMENT_VARIABLE);
		}
		List<String> plain = metricsAuth.getKeys();
		for (int i = 0; i < plain.size(); i++) {
			key(AuthenticatedKey.UNNAMED, plain.get(i), KeyProperty.KEYS.propertyName() + "[" + i + "]");
		}
		List<String> hashes = metricsAuth.getKeyHashes();
		for (int i = 0; i < hashes.size(); i++) {
			String hash = hashes.get(i).strip();
			String source = KeyProperty.KEY_HASHES.propertyName() + "[" + i + "]";
			add(() -> this.keys.sha256(AuthenticatedKey.UNNAMED, hash, source), source);
		}
		for (Map.Entry<String, String> named : metricsAuth.getNamedKeys().entrySet()) {
			String value = named.getValue().strip();
			String source = KeyProperty.NAMED_KEYS.propertyName() + "." + named.getKey();
			if (value.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
				add(() -> this.keys.sha256(named.getKey(), value.substring(SHA256_PREFIX.length()), source), source);
			}
			else {
				key(named.getKey(), value, source);
			}
		}
		return this;
	}

	// Surrounding white space comes from editors and shells, never from a scraper.
	private void key(String name, String value, String source) {
		add(() -> this.keys.key(name, value.strip(), source), source);
	}

	private void add(Runnable addition, String source) {
		try {
			addition.run();
		}
		catch (IllegalArgumentException ex) {
			if (this.previous == null) {
				throw ex;
			}
			// The message names the property, never the key.
			this.problems.add(ex.getMessage());
			this.keys.keepFrom(this.previous, source);
		}
	}

}
