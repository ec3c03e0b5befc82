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

package ai.litellm.spring.sample.servlet;

import ai.litellm.spring.test.KeyStoreTimeoutScenarios;
import ai.litellm.spring.test.MisbehavingKeyStore;
import ai.litellm.spring.test.RawHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link KeyStoreTimeoutScenarios} on Tomcat and on Jetty, with a key store whose lookup
 * is synchronous: it blocks the thread that calls it.
 *
 * @author LiteLLM Spring Boot contributors
 */
class KeyStoreTimeoutTests {

	@ParameterizedTest
	@EnumSource
	void answersLookupsThatBlockPastTheTimeoutWithA503WellBeforeTheyEnd(ServletContainer container, TestInfo test)
			throws Exception {
		try (ConfigurableApplicationContext app = container.run(new Class<?>[] { MisbehavingKeyStore.class },
				"--server.port=0", "--" + KeyStoreTimeoutScenarios.TIMEOUT, "--spring.main.banner-mode=off")) {
			new RunningApp(app).answersLookupsThatBlockPastTheTimeoutWithA503WellBeforeTheyEnd(test);
		}
	}

	private record RunningApp(ConfigurableApplicationContext app) implements KeyStoreTimeoutScenarios {

		@Override
		public RawHttpClient raw() {
			return new RawHttpClient(ServletContainer.port(this.app));
		}

		@Override
		public MeterRegistry meterRegistry() {
			return this.app.getBean(MeterRegistry.class);
		}

	}

}
