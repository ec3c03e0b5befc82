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

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the metrics keys in actuator's {@code env} and {@code configprops} endpoints,
 * even when they are told to show values: {@code litellm.master-key},
 * {@code LITELLM_MASTER_KEY} and {@code litellm.metrics-auth.keys}, {@code key-hashes}
 * and {@code named-keys} in every spelling Spring Boot binds them from.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MetricsKeySanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isKeyProperty(data.getKey()) ? data.withSanitizedValue() : data;
	}

	// Letters and digits only, so that litellm.master-key, litellm.masterKey and
	// LITELLM_MASTER_KEY are one name, and keys[0] and KEYS_0 one prefix.
	static boolean isKeyProperty(String key) {
		String name = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return name.equals("litellmmasterkey") || name.startsWith("litellmmetricsauthkeys")
				|| name.startsWith("litellmmetricsauthkeyhashes") || name.startsWith("litellmmetricsauthnamedkeys");
	}

}
