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

package ai.litellm.spring.sample;

import ai.litellm.spring.test.KeyStoreTimeoutScenarios;
import ai.litellm.spring.test.MisbehavingKeyStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link KeyStoreTimeoutScenarios} through a real Netty server, for each adapter, with a
 * key store whose lookup blocks inside its {@code Mono} on the thread that subscribes.
 */
class KeyStoreTimeoutTests {

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = KeyStoreTimeoutScenarios.TIMEOUT)
	@Import(MisbehavingKeyStore.class)
	abstract static class Scenarios extends SampleAppScenarios implements KeyStoreTimeoutScenarios {

		@Autowired
		MeterRegistry meterRegistry;

		@Override
		public MeterRegistry meterRegistry() {
			return this.meterRegistry;
		}

	}

}
