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

import ai.litellm.spring.test.ManagementPortScenarios;
import ai.litellm.spring.test.RawHttpClient;
import org.junit.jupiter.api.Nested;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ManagementPortScenarios} through real Netty servers, for each adapter: the main
 * context's guard also serves the management server.
 */
class ManagementPortTests {

	@Nested
	class WithWebFilter extends Scenarios {

		// Spring's HttpWebHandlerAdapter reads the path for its observation before any
		// WebFilter runs, and fails on it: its own 500, with or without the guard.
		@Override
		public int statusOfAPathThatEndsTheBasePathInsideASegment() {
			return 500;
		}

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "litellm.master-key=" + ManagementPortScenarios.MASTER_KEY, "management.server.port=0",
					"management.server.base-path=/manage" })
	abstract static class Scenarios extends SampleAppScenarios implements ManagementPortScenarios {

		@LocalManagementPort
		int managementPort;

		@Override
		public RawHttpClient management() {
			return new RawHttpClient(this.managementPort);
		}

	}

}
