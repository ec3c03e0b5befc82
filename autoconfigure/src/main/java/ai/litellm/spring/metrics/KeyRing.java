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

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.metrics.KeyFiles.KeyFileException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The keys the guard holds in memory: the configured keys and the key files' keys, as
 * {@link AcceptedKeys}, checked before any key store of the application's own.
 * <p>
 * While it runs, it polls the key files (which sees a Kubernetes Secret's symlink swap,
 * an in-place rewrite and a Vault Agent template alike, on every file system) and swaps
 * the whole set at once when they change; a request reads one volatile reference. A
 * removed key is revoked at the next reading; a file that cannot be used keeps only its
 * own last good key. A reading that leaves no key means every metrics request gets a 401.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class KeyRing implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(KeyRing.class);

	private final KeyFiles keyFiles;

	private final Duration refresh;

	private final Listener listener;

	private volatile AcceptedKeys keys;

	private AcceptedKeys configuredKeys;

	private @Nullable String lastProblems;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create a key ring of configured keys only.
	 * @param configuredKeys the keys
	 */
	public KeyRing(AcceptedKeys configuredKeys) {
		this.keyFiles = KeyFiles.none();
		this.refresh = Duration.ofSeconds(5);
		this.listener = Listener.NONE;
		this.configuredKeys = configuredKeys;
		this.keys = configuredKeys;
	}

	/**
	 * Create a key ring of configured keys and the key files' keys, reading the files.
	 * @param configuredKeys the keys configured as properties
	 * @param keyFiles the key files
	 * @param refresh how often the key files are read again while the ring runs
	 * @param listener told every reading and every change of the keys
	 * @throws KeyFileException if a key file cannot be used
	 */
	public KeyRing(AcceptedKeys configuredKeys, KeyFiles keyFiles, Duration refresh, Listener listener)
			throws KeyFileException {
		Assert.isTrue(refresh.compareTo(Duration.ZERO) > 0, "The refresh interval must be positive");
		this.keyFiles = keyFiles;
		this.refresh = refresh;
		this.listener = listener;
		this.configuredKeys = configuredKeys;
		this.keys = AcceptedKeys.builder().addAll(configuredKeys).addAll(keyFiles.read()).build();
		this.keys.warningsSince(AcceptedKeys.none()).forEach(logger::warn);
		listener.keysChanged(this.keys);
		if (!keyFiles.isEmpty()) {
			listener.filesRead(true);
		}
	}

	/**
	 * Return the name of the accepted key that was presented.
	 * @param presentedKey the presented key
	 * @return the key's name, or {@code null} if it is none of the keys
	 */
	public @Nullable String match(String presentedKey) {
		return this.keys.match(presentedKey);
	}

	/**
	 * Return the keys accepted now.
	 * @return the keys
	 */
	public AcceptedKeys getKeys() {
		return this.keys;
	}

	/**
	 * Return the keys configured as properties.
	 * @return the configured keys
	 */
	public synchronized AcceptedKeys getConfiguredKeys() {
		return this.configuredKeys;
	}

	/**
	 * Return whether key files are read.
	 * @return {@code true} if some key files are configured
	 */
	public boolean hasKeyFiles() {
		return !this.keyFiles.isEmpty();
	}

	/**
	 * Take new keys configured as properties and read the key files again.
	 * @param configuredKeys the keys configured as properties
	 */
	public synchronized void setConfiguredKeys(AcceptedKeys configuredKeys) {
		this.configuredKeys = configuredKeys;
		reload();
	}

	/**
	 * Read the key files now and swap the keys if they changed. What could not be read
	 * keeps its last good keys.
	 */
	public synchronized void reload() {
		KeyFiles.Reading reading = this.keyFiles.read(this.keys);
		swap(AcceptedKeys.builder().addAll(this.configuredKeys).addAll(reading.keys()).build());
		if (this.keyFiles.isEmpty()) {
			return;
		}
		String problems = String.join("; ", reading.problems());
		if (problems.isEmpty() && this.lastProblems != null) {
			logger.info("The metrics key files are usable again");
		}
		else if (!problems.isEmpty() && !problems.equals(this.lastProblems)) {
			logger.warn(problems + "; keeping the last good key of each of them");
		}
		this.lastProblems = problems.isEmpty() ? null : problems;
		this.listener.filesRead(problems.isEmpty());
	}

	private void swap(AcceptedKeys read) {
		if (read.isSameAs(this.keys)) {
			return;
		}
		AcceptedKeys previous = this.keys;
		this.keys = read;
		read.warningsSince(previous).forEach(logger::warn);
		if (read.size() == 0) {
			logger.warn("The metrics keys changed: no key is accepted now, and every metrics request is answered "
					+ "401 until a key is configured");
		}
		else {
			logger.info("Reloaded the metrics keys: now accepting " + read.size() + " keys named " + read.names());
		}
		this.listener.keysChanged(read);
	}

	// A scheduled task that throws is never run again: a key removed later would stay.
	private void reloadOnSchedule() {
		try {
			reload();
		}
		catch (Throwable ex) {
			logger.warn("Reading the metrics key files failed with " + ex.getClass().getName()
					+ "; keeping the last good set of keys");
			tellUnusable();
		}
	}

	private void tellUnusable() {
		try {
			this.listener.filesRead(false);
		}
		catch (Throwable ex) {
			// Not even the listener may end the reading.
			logger.debug("The key files listener failed", ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.executor != null || this.keyFiles.isEmpty()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "litellm-key-files");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.refresh.toMillis();
		this.executor.scheduleWithFixedDelay(this::reloadOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public String toString() {
		return "KeyRing[" + this.keys.size() + " keys]";
	}

	/**
	 * Told every reading of the key files and every change of the accepted keys.
	 */
	public interface Listener {

		/**
		 * A listener that does nothing.
		 */
		Listener NONE = new Listener() {
		};

		/**
		 * The accepted keys are now these, at the start and after each change.
		 * @param keys the keys
		 */
		default void keysChanged(AcceptedKeys keys) {
		}

		/**
		 * The key files were read.
		 * @param usable whether they were usable; if not, the last good set is kept
		 */
		default void filesRead(boolean usable) {
		}

	}

}
