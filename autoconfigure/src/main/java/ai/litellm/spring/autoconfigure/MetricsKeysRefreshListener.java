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
import java.util.Set;
import java.util.TreeSet;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Follows Spring Cloud's {@link EnvironmentChangeEvent} (a {@code /actuator/refresh}, a
 * Config Server or Vault change): when keys configured as properties change, the
 * authenticator's whole set is swapped at once, beside the key files' keys, as a key file
 * change is. A change that leaves no key, or an unusable one, keeps the last good set.
 * <p>
 * Only the keys follow: paths, endpoints, the switch and the adapter are fixed at
 * startup, and a change to any of them is logged as a WARN rather than applied in part.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MetricsKeysRefreshListener implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Log logger = LogFactory.getLog(MetricsKeysRefreshListener.class);

	// Property names without separators or case, so that every form Spring binds matches.
	private static final String PREFIX = "litellm";

	private static final Set<String> KEY_PROPERTIES = Set.of("litellmmasterkey", "litellmmetricsauthkeys",
			"litellmmetricsauthkeyhashes", "litellmmetricsauthnamedkeys");

	private final ObjectProvider<DigestApiKeyAuthenticator> authenticator;

	private final Environment environment;

	private final ObjectProvider<KeyFilesReloader> keyFilesReloader;

	/**
	 * Create a listener for the configured keys' authenticator, if the application uses
	 * them rather than an {@code ApiKeyAuthenticator} of its own.
	 * @param authenticator the configured keys' authenticator, if any
	 * @param environment the environment to bind the keys from
	 * @param keyFilesReloader the key files' reloader, if any
	 */
	MetricsKeysRefreshListener(ObjectProvider<DigestApiKeyAuthenticator> authenticator, Environment environment,
			ObjectProvider<KeyFilesReloader> keyFilesReloader) {
		this.authenticator = authenticator;
		this.environment = environment;
		this.keyFilesReloader = keyFilesReloader;
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		DigestApiKeyAuthenticator authenticator = this.authenticator.getIfAvailable();
		if (authenticator == null) {
			return;
		}
		boolean keysChanged = false;
		Set<String> fixedAtStartup = new TreeSet<>();
		for (String name : event.getKeys()) {
			String canonical = canonical(name);
			if (KEY_PROPERTIES.stream().anyMatch(canonical::startsWith)) {
				keysChanged = true;
			}
			else if (canonical.startsWith(PREFIX)) {
				fixedAtStartup.add(name);
			}
		}
		if (!fixedAtStartup.isEmpty()) {
			logger.warn("The metrics guard's configuration changed at run time, in " + fixedAtStartup
					+ ": only its keys follow such a change; restart the application to apply the rest");
		}
		if (keysChanged) {
			refreshKeys(authenticator);
		}
	}

	private void refreshKeys(DigestApiKeyAuthenticator authenticator) {
		AcceptedKeys configured;
		try {
			LiteLlmProperties properties = Binder.get(this.environment)
				.bindOrCreate("litellm", LiteLlmProperties.class);
			configured = ConfiguredKeys.fromProperties(properties, this.environment);
		}
		catch (BindException ex) {
			keepTheLastGoodSet(authenticator, ex.getName() + " cannot be bound");
			return;
		}
		catch (IllegalArgumentException ex) {
			// The message names the property, never the key.
			keepTheLastGoodSet(authenticator, ex.getMessage());
			return;
		}
		KeyFilesReloader keyFilesReloader = this.keyFilesReloader.getIfAvailable();
		if (keyFilesReloader != null) {
			keyFilesReloader.reconfigure(configured);
		}
		else if (configured.size() == 0) {
			keepTheLastGoodSet(authenticator, "no key is left");
		}
		else {
			KeyFilesReloader.swap(authenticator, configured);
		}
	}

	private static void keepTheLastGoodSet(DigestApiKeyAuthenticator authenticator, @Nullable String problem) {
		logger.warn("The metrics keys changed at run time, but " + problem + "; keeping the last good set of "
				+ authenticator.getKeys().size() + " keys");
	}

	private static String canonical(String name) {
		return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

}
