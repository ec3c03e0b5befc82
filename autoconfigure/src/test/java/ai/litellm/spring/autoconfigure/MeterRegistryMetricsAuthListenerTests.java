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

import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeterRegistryMetricsAuthListener}: the outcomes the servers' tests
 * rarely reach.
 */
@ExtendWith(OutputCaptureExtension.class)
class MeterRegistryMetricsAuthListenerTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final MeterRegistryMetricsAuthListener listener = new MeterRegistryMetricsAuthListener(this.registry);

	@Test
	void countsEachKindOfUnavailableKeyStoreUnderItsOwnReason() {
		this.listener.unavailable(new AuthenticatorTimeoutException(Duration.ofSeconds(5)));
		this.listener.unavailable(new AuthenticatorSaturatedException(8));
		this.listener.unavailable(new AuthenticatorSaturatedException(8));
		this.listener.unavailable(new IllegalStateException("down"));
		assertThat(errors("timeout")).isEqualTo(1);
		assertThat(errors("saturated")).isEqualTo(2);
		assertThat(errors("authenticator_error")).isEqualTo(1);
	}

	@Test
	void countsKeyStoreNamesBeyondTheBoundAsOtherAndWarnsOnce(CapturedOutput output) {
		for (int i = 0; i < MeterRegistryMetricsAuthListener.MAX_KEY_STORE_NAMES + 3; i++) {
			this.listener.accepted("key-" + i);
		}
		assertThat(this.registry.get(MeterRegistryMetricsAuthListener.METER_NAME).tag("key", "other").counter().count())
			.isEqualTo(3);
		assertThat(output.toString().split("named more than 100 keys", -1)).hasSize(2);
	}

	private double errors(String reason) {
		return this.registry.get(MeterRegistryMetricsAuthListener.METER_NAME)
			.tag("outcome", "error")
			.tag("reason", reason)
			.counter()
			.count();
	}

}
