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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.KeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Hands keys changed in Spring Cloud's {@link EnvironmentChangeEvent} to the
 * {@link KeyRing}; an unusable new value keeps its last good key. Every other property is
 * fixed at startup, and a change to one is logged rather than applied in part.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MetricsKeysRefreshListener implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Log logger = LogFactory.getLog(MetricsKeysRefreshListener.class);

	private final KeyRing keyRing;

	private final Environment environment;

	MetricsKeysRefreshListener(KeyRing keyRing, Environment environment) {
		this.keyRing = keyRing;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		boolean keysChanged = false;
		Set<String> fixedAtStartup = new TreeSet<>();
		for (String name : event.getKeys()) {
			if (KeyProperty.holdsKeys(name)) {
				keysChanged = true;
			}
			else if (name.toLowerCase(Locale.ROOT).startsWith("litellm")) {
				fixedAtStartup.add(name);
			}
		}
		if (!fixedAtStartup.isEmpty()) {
			logger.warn("The metrics guard's configuration changed at run time, in " + fixedAtStartup
					+ ": only its keys follow such a change; restart the application to apply the rest");
		}
		if (keysChanged) {
			refreshKeys();
		}
	}

	private void refreshKeys() {
		LiteLlmProperties properties;
		try {
			properties = Binder.get(this.environment).bindOrCreate("litellm", LiteLlmProperties.class);
		}
		catch (BindException ex) {
			logger.warn("The metrics keys changed at run time, but " + ex.getName() + " cannot be bound; keeping the "
					+ "last good set of " + this.keyRing.getKeys().size() + " keys");
			return;
		}
		List<String> problems = new ArrayList<>();
		AcceptedKeys configured = ConfiguredKeys.fromProperties(properties, this.environment,
				this.keyRing.getConfiguredKeys(), problems);
		if (!problems.isEmpty()) {
			logger.warn("The metrics keys changed at run time, but " + String.join("; ", problems)
					+ ": keeping the last good key of each, and applying every other change");
		}
		this.keyRing.setConfiguredKeys(configured);
	}

}
