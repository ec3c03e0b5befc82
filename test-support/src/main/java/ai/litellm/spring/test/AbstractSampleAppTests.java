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

package ai.litellm.spring.test;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both sample apps share, run once per way a stack runs its app (adapter or
 * container): a subclass passes its {@link SampleApp}, and each nested class is one
 * fixture. A compatibility run also proves here which Spring Boot and which jar it ran.
 *
 * @author LiteLLM Spring Boot contributors
 */
public abstract class AbstractSampleAppTests {

	private final SampleApp sampleApp;

	protected AbstractSampleAppTests(SampleApp sampleApp) {
		this.sampleApp = sampleApp;
	}

	@Test
	void runsTheGuardFromThePublishedJarOnTheChosenSpringBoot() throws Exception {
		PublishedJar.assertGuardRunsFromThePublishedJar();
	}

	@Nested
	class GuardedApp extends AbstractGuardedAppTests {

		GuardedApp() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

	@Nested
	class Routing extends AbstractRoutingTests {

		Routing() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

	@Nested
	class KeyStore extends AbstractKeyStoreTests {

		KeyStore() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

	@Nested
	class Actuator extends AbstractActuatorTests {

		Actuator() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

	@Nested
	class StartupFailure extends AbstractStartupFailureTests {

		StartupFailure() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

	@Nested
	class Server extends AbstractServerTests {

		Server() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

}
