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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The properties that configure the accepted keys, for masking, refreshing and messages.
 *
 * @author LiteLLM Spring Boot contributors
 */
enum KeyProperty {

	MASTER_KEY("litellm.master-key", true),

	KEYS("litellm.metrics-auth.keys", true),

	KEY_HASHES("litellm.metrics-auth.key-hashes", true),

	NAMED_KEYS("litellm.metrics-auth.named-keys", true),

	KEY_FILES("litellm.metrics-auth.key-files", false);

	// Read when litellm.master-key is not set; its canonical form is the master key's.
	static final String MASTER_KEY_ENVIRONMENT_VARIABLE = "LITELLM_MASTER_KEY";

	private final String propertyName;

	private final String canonicalName;

	private final boolean holdsKeys;

	KeyProperty(String propertyName, boolean holdsKeys) {
		this.propertyName = propertyName;
		this.canonicalName = canonical(propertyName);
		this.holdsKeys = holdsKeys;
	}

	String propertyName() {
		return this.propertyName;
	}

	// Whether a property holds keys, in any spelling Spring Boot binds from
	// (litellm.masterKey, KEYS_0).
	static boolean holdsKeys(String name) {
		String canonical = canonical(name);
		for (KeyProperty property : values()) {
			if (property.holdsKeys && canonical.startsWith(property.canonicalName)) {
				return true;
			}
		}
		return false;
	}

	// Whether a value (a command line, SPRING_APPLICATION_JSON) may set a key. Loose on
	// purpose: masking a value that only names one costs nothing.
	static boolean mayCarryKeys(@Nullable Object value) {
		if (!(value instanceof CharSequence text)) {
			return false;
		}
		String canonical = canonical(text.toString());
		return canonical.contains("litellm")
				&& (canonical.contains("masterkey") || canonical.contains("keys") || canonical.contains("keyhashes"));
	}

	static String describeAll() {
		return Arrays.stream(values())
			.map((property) -> "'" + property.propertyName + "'"
					+ ((property == MASTER_KEY)
							? " (or the " + MASTER_KEY_ENVIRONMENT_VARIABLE + " environment variable)" : ""))
			.collect(Collectors.joining(", "));
	}

	// Letters and digits only, so that litellm.master-key, litellm.masterKey and
	// LITELLM_MASTER_KEY are one name, and keys[0] and KEYS_0 one prefix.
	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
