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

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes the state of the key files visible: a gauge that is 1 while the key files are
 * usable and 0 while the last good set is kept instead, and a counter of failed readings.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MeterRegistryKeyFilesListener implements KeyFilesReloader.Listener {

	private final AtomicInteger usable = new AtomicInteger(1);

	private final Counter failures;

	MeterRegistryKeyFilesListener(MeterRegistry registry) {
		Gauge.builder("litellm.metrics.auth.key.files.usable", this.usable, AtomicInteger::get)
			.description(
					"Whether the metrics key files were usable when last read (1) or the last good keys are kept (0)")
			.register(registry);
		this.failures = Counter.builder("litellm.metrics.auth.key.files.failures")
			.description("Readings of the metrics key files that found them unusable")
			.register(registry);
	}

	@Override
	public void reloaded(boolean usable) {
		this.usable.set(usable ? 1 : 0);
		if (!usable) {
			this.failures.increment();
		}
	}

}
