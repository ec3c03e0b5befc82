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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyStoreTimeoutScenarios} on Tomcat and on Jetty, with a key store whose lookup
 * is synchronous: it blocks the thread that calls it.
 *
 * @author LiteLLM Spring Boot contributors
 */
class KeyStoreTimeoutTests {

	@Nested
	class OnTomcat extends Scenarios {

		OnTomcat() {
			super(ServletContainer.TOMCAT);
		}

	}

	@Nested
	class OnJetty extends Scenarios {

		OnJetty() {
			super(ServletContainer.JETTY);
		}

	}

	@TestInstance(Lifecycle.PER_CLASS)
	abstract static class Scenarios implements KeyStoreTimeoutScenarios {

		private final ServletContainer container;

		private @Nullable ConfigurableApplicationContext app;

		Scenarios(ServletContainer container) {
			this.container = container;
		}

		@BeforeAll
		void startTheApp() {
			this.app = this.container.run(new Class<?>[] { MisbehavingKeyStore.class }, "--server.port=0",
					"--" + KeyStoreTimeoutScenarios.TIMEOUT, "--spring.main.banner-mode=off");
		}

		@AfterAll
		void stopTheApp() {
			if (this.app != null) {
				this.app.close();
			}
		}

		@Override
		public RawHttpClient raw() {
			return new RawHttpClient(ServletContainer.port(app()));
		}

		@Override
		public MeterRegistry meterRegistry() {
			return app().getBean(MeterRegistry.class);
		}

		private ConfigurableApplicationContext app() {
			assertThat(this.app).isNotNull();
			return this.app;
		}

	}

}
