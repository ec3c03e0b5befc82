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

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With actuator on its own port, its Prometheus endpoint stays guarded there: the main
 * context's guard also serves the management server.
 */
class ManagementPortTests {

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "litellm.master-key=" + SampleAppScenarios.KEY, "management.server.port=0",
					"management.server.base-path=/manage" })
	abstract static class Scenarios extends SampleAppScenarios {

		@LocalManagementPort
		int managementPort;

		@Test
		void guardsThePrometheusEndpointOnTheManagementPort() {
			assertThat(this.managementPort).isNotEqualTo(this.port);
			RawHttpClient management = new RawHttpClient(this.managementPort);
			for (String target : new String[] { "/manage/actuator/prometheus", "/manage/actuator/%70rometheus",
					"/manage/actuator;x/prometheus" }) {
				RawResponse rejected = management.send("GET", target);
				assertThat(rejected.status()).as(target).isEqualTo(401);
				assertThat(rejected.body()).doesNotContain("# TYPE");
			}
			RawResponse served = management.send("GET", "/manage/actuator/prometheus",
					"Authorization: Bearer " + SampleAppScenarios.KEY);
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.body()).contains("# TYPE jvm_");
		}

		@Test
		void leavesTheManagementHealthEndpointOpen() {
			assertThat(new RawHttpClient(this.managementPort).send("GET", "/manage/actuator/health").status())
				.isEqualTo(200);
		}

		@Test
		void stillGuardsMetricsOnTheMainPort() {
			assertThat(raw().send("GET", "/metrics").status()).isEqualTo(401);
			RawResponse notServedHere = raw().send("GET", "/actuator/prometheus");
			assertThat(notServedHere.status()).as("the path is guarded on both ports").isEqualTo(401);
			assertThat(raw().send("GET", "/actuator/prometheus", "Authorization: Bearer " + SampleAppScenarios.KEY)
				.status()).as("actuator is not on the main port").isEqualTo(404);
		}

	}

}
