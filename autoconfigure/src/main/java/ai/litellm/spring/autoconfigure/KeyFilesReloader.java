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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.autoconfigure.ConfiguredKeys.KeyFileException;
import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Re-reads the key files on a background thread and, when what they hold changes, swaps
 * the authenticator's whole set of keys at once. Polling rather than a file-system watch:
 * it sees a Kubernetes Secret's atomic {@code ..data} symlink swap, an in-place rewrite
 * and a Vault Agent template alike, on every file system, and a few tiny files every few
 * seconds cost nothing. The request path is untouched: it reads one volatile reference.
 * <p>
 * A file that becomes unreadable, empty or invalid keeps the last good set: the guard
 * stays closed to keys never accepted, and scrapers keep working. Each such change is
 * logged once, and every failed reading is counted.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class KeyFilesReloader implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(KeyFilesReloader.class);

	private final DigestApiKeyAuthenticator authenticator;

	private AcceptedKeys configuredKeys;

	private final List<String> keyFiles;

	private final Listener listener;

	private final ScheduledExecutorService executor;

	private @Nullable String lastProblem;

	KeyFilesReloader(DigestApiKeyAuthenticator authenticator, AcceptedKeys configuredKeys, List<String> keyFiles,
			Duration refresh, Listener listener) {
		this.authenticator = authenticator;
		this.configuredKeys = configuredKeys;
		this.keyFiles = List.copyOf(keyFiles);
		this.listener = listener;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "litellm-key-files");
			thread.setDaemon(true);
			return thread;
		});
		long millis = refresh.toMillis();
		this.executor.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Read the keys once, for the application to start with: the configured keys and
	 * those in the key files.
	 * @param configuredKeys the keys configured as properties
	 * @param keyFiles the key files
	 * @return the keys
	 * @throws KeyFileException if a key file is unusable
	 */
	static AcceptedKeys initialKeys(AcceptedKeys configuredKeys, List<String> keyFiles) throws KeyFileException {
		return AcceptedKeys.builder().addAll(configuredKeys).addAll(ConfiguredKeys.fromFiles(keyFiles)).build();
	}

	/**
	 * Take new keys configured as properties, after an environment change, and read the
	 * key files again to accept them beside the files' keys.
	 * @param configuredKeys the keys configured as properties
	 */
	synchronized void reconfigure(AcceptedKeys configuredKeys) {
		this.configuredKeys = configuredKeys;
		reload();
	}

	/**
	 * Read the key files now and swap the keys if they changed. Synchronized with
	 * {@link #reconfigure(AcceptedKeys)}, never with a request.
	 */
	synchronized void reload() {
		try {
			AcceptedKeys keys = initialKeys(this.configuredKeys, this.keyFiles);
			if (keys.size() == 0) {
				throw new KeyFileException("The key files hold no key");
			}
			if (this.lastProblem != null) {
				logger.info("The metrics key files are usable again");
				this.lastProblem = null;
			}
			swap(this.authenticator, keys);
			this.listener.reloaded(true);
		}
		catch (KeyFileException ex) {
			if (!Objects.equals(ex.getMessage(), this.lastProblem)) {
				logger.warn(ex.getMessage() + "; keeping the last good set of " + this.authenticator.getKeys().size()
						+ " metrics keys");
				this.lastProblem = ex.getMessage();
			}
			this.listener.reloaded(false);
		}
		catch (RuntimeException ex) {
			// Never let the background thread die: it would stop all later reloads.
			logger.warn("Reading the metrics key files failed with " + ex.getClass().getName()
					+ "; keeping the last good set of keys");
			this.listener.reloaded(false);
		}
	}

	/**
	 * Give the authenticator these keys, all at once, if they differ from those it has,
	 * and say so.
	 * @param authenticator the authenticator
	 * @param keys the keys to accept from now on
	 */
	static void swap(DigestApiKeyAuthenticator authenticator, AcceptedKeys keys) {
		if (!keys.isSameAs(authenticator.getKeys())) {
			authenticator.setKeys(keys);
			logger.info("Reloaded the metrics keys: now accepting " + keys.size() + " keys named " + keys.names());
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * Told the outcome of every reading of the key files.
	 */
	@FunctionalInterface
	interface Listener {

		/**
		 * A listener that does nothing.
		 */
		Listener NONE = (usable) -> {
		};

		/**
		 * The key files were read.
		 * @param usable whether they were usable; if not, the last good set is kept
		 */
		void reloaded(boolean usable);

	}

}
