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

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticationFailure;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyRing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts metrics-endpoint authentication outcomes in a {@link MeterRegistry}, accepted
 * ones by key name, and shows the key files' state. Every series starts at 0 as soon as
 * it can occur, so that {@code increase()} sees its first request. A key store's names
 * beyond the first {@value #MAX_KEY_STORE_NAMES} are counted as {@code key=other}, to
 * bound the series.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MeterRegistryMetricsAuthListener implements AuthenticationListener, KeyRing.Listener {

	static final String METER_NAME = "litellm.metrics.auth";

	static final int MAX_KEY_STORE_NAMES = 100;

	static final String OTHER_KEY = "other";

	private static final Log logger = LogFactory.getLog(MeterRegistryMetricsAuthListener.class);

	private final MeterRegistry registry;

	private final Map<String, Counter> accepted = new ConcurrentHashMap<>();

	private final AtomicInteger keyStoreNames = new AtomicInteger();

	private final AtomicBoolean warnedOfKeyStoreNames = new AtomicBoolean();

	private final Map<AuthenticationFailure, Counter> rejected = new EnumMap<>(AuthenticationFailure.class);

	private final Counter timedOut;

	private final Counter saturated;

	private final Counter failed;

	private final AtomicInteger keyFilesUsable = new AtomicInteger(1);

	private final AtomicLong keyFilesLastUsable = new AtomicLong();

	private volatile @Nullable Counter keyFilesFailures;

	MeterRegistryMetricsAuthListener(MeterRegistry registry) {
		this.registry = registry;
		for (AuthenticationFailure failure : AuthenticationFailure.values()) {
			this.rejected.put(failure, counter("rejected", failure.name().toLowerCase(Locale.ROOT), "none"));
		}
		this.timedOut = counter("error", "timeout", "none");
		this.saturated = counter("error", "saturated", "none");
		this.failed = counter("error", "authenticator_error", "none");
	}

	private Counter counter(String outcome, String reason, String key) {
		return Counter.builder(METER_NAME)
			.description("Authentication outcomes of requests to the metrics endpoints")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.tag("key", key)
			.register(this.registry);
	}

	private Counter acceptedCounter(String keyName) {
		return this.accepted.computeIfAbsent(keyName, (name) -> counter("accepted", "none", name));
	}

	@Override
	public void keysChanged(AcceptedKeys keys) {
		keys.names().forEach(this::acceptedCounter);
	}

	// Registered at the first reading: only an application with key files reads them.
	@Override
	public synchronized void filesRead(boolean usable) {
		Counter failures = this.keyFilesFailures;
		if (failures == null) {
			Gauge.builder("litellm.metrics.auth.key.files.usable", this.keyFilesUsable, AtomicInteger::get)
				.description(
						"Whether the metrics key files were usable when last read (1) or the last good keys are kept (0)")
				.register(this.registry);
			Gauge.builder("litellm.metrics.auth.key.files.last.usable", this.keyFilesLastUsable, AtomicLong::get)
				.description("When the metrics key files were last read and found usable, in seconds since the epoch: "
						+ "a reading that stopped shows as a time that no longer moves")
				.baseUnit("seconds")
				.register(this.registry);
			failures = Counter.builder("litellm.metrics.auth.key.files.failures")
				.description("Readings of the metrics key files that found them unusable")
				.register(this.registry);
			this.keyFilesFailures = failures;
		}
		this.keyFilesUsable.set(usable ? 1 : 0);
		if (usable) {
			this.keyFilesLastUsable.set(System.currentTimeMillis() / 1000);
		}
		else {
			failures.increment();
		}
	}

	@Override
	public void accepted(String keyName) {
		Counter counter = this.accepted.get(keyName);
		if (counter == null) {
			counter = acceptedCounter(isWithinBound(keyName) ? keyName : OTHER_KEY);
		}
		counter.increment();
	}

	// A name never seen, from a key store: its own tag while the bound allows.
	private boolean isWithinBound(String keyName) {
		int seen = this.keyStoreNames.incrementAndGet();
		if (seen <= MAX_KEY_STORE_NAMES) {
			return true;
		}
		this.keyStoreNames.decrementAndGet();
		if (this.warnedOfKeyStoreNames.compareAndSet(false, true)) {
			logger.warn("The API key authenticator named more than " + MAX_KEY_STORE_NAMES
					+ " keys: further names are counted as key=\"" + OTHER_KEY + "\"");
		}
		return false;
	}

	@Override
	public void rejected(AuthenticationFailure failure) {
		this.rejected.get(failure).increment();
	}

	@Override
	public void unavailable(Throwable error) {
		if (error instanceof AuthenticatorTimeoutException) {
			this.timedOut.increment();
		}
		else if (error instanceof AuthenticatorSaturatedException) {
			this.saturated.increment();
		}
		else {
			this.failed.increment();
		}
	}

}
