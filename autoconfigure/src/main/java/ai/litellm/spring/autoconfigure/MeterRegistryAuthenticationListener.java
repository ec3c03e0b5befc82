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
import java.util.concurrent.TimeoutException;

import ai.litellm.spring.metrics.AuthenticationFailure;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts metrics-endpoint authentication outcomes in a {@link MeterRegistry}, so that an
 * operator can alert when a scrape job starts failing authentication, and see which named
 * key each scraper still uses before revoking it. Accepted requests are tagged with the
 * key's name, a bounded set that comes from the configuration; every other outcome with
 * {@code key=none}, since no key was accepted. Counting is a map lookup and an increment.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MeterRegistryAuthenticationListener implements AuthenticationListener {

	static final String METER_NAME = "litellm.metrics.auth";

	private final MeterRegistry registry;

	private final Map<String, Counter> accepted = new ConcurrentHashMap<>();

	private final Map<AuthenticationFailure, Counter> rejected = new EnumMap<>(AuthenticationFailure.class);

	private final Counter timedOut;

	private final Counter saturated;

	private final Counter failed;

	MeterRegistryAuthenticationListener(MeterRegistry registry) {
		this.registry = registry;
		acceptedCounter("master");
		for (AuthenticationFailure failure : AuthenticationFailure.values()) {
			this.rejected.put(failure, counter(registry, "rejected", failure.name().toLowerCase(Locale.ROOT)));
		}
		this.timedOut = counter(registry, "error", "timeout");
		this.saturated = counter(registry, "error", "saturated");
		this.failed = counter(registry, "error", "authenticator_error");
	}

	private static Counter counter(MeterRegistry registry, String outcome, String reason) {
		return counter(registry, outcome, reason, "none");
	}

	private static Counter counter(MeterRegistry registry, String outcome, String reason, String key) {
		return Counter.builder(METER_NAME)
			.description("Authentication outcomes of requests to the metrics endpoints")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.tag("key", key)
			.register(registry);
	}

	private Counter acceptedCounter(String keyName) {
		return this.accepted.computeIfAbsent(keyName, (name) -> counter(this.registry, "accepted", "none", name));
	}

	@Override
	public void accepted(String keyName) {
		acceptedCounter(keyName).increment();
	}

	@Override
	public void rejected(AuthenticationFailure failure) {
		this.rejected.get(failure).increment();
	}

	@Override
	public void unavailable(Throwable error) {
		if (error instanceof TimeoutException) {
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
