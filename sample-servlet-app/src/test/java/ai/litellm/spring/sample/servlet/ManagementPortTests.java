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

import ai.litellm.spring.metrics.MetricsAuthServletFilter;
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With actuator on its own port, its Prometheus endpoint stays guarded there: the
 * management server runs in a child context whose servlet container does not see the main
 * context's filters, so the {@link MetricsAuthServletFilter} is registered there too.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY,
				"management.server.port=0", "management.server.base-path=/manage" })
class ManagementPortTests extends ServletSampleAppScenarios {

	@LocalManagementPort
	int managementPort;

	@Test
	void guardsThePrometheusEndpointOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		RawHttpClient management = new RawHttpClient(this.managementPort);
		for (String target : new String[] { "/manage/actuator/prometheus", "/manage/actuator/%70rometheus",
				"/manage/actuator;x/prometheus", "/manage/actuator/prometheus;x=y",
				"/manage;x=y/actuator/prometheus" }) {
			RawResponse rejected = management.send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("# TYPE");
		}
		RawResponse served = management.send("GET", "/manage/actuator/prometheus", "Authorization: Bearer " + KEY);
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
		assertThat(raw().send("GET", "/metrics", "Authorization: Bearer " + KEY).body()).contains("# TYPE jvm_");
		RawResponse notServedHere = raw().send("GET", "/actuator/prometheus");
		assertThat(notServedHere.status()).as("the path is guarded on both ports").isEqualTo(401);
		assertThat(raw().send("GET", "/actuator/prometheus", "Authorization: Bearer " + KEY).status())
			.as("actuator is not on the main port")
			.isEqualTo(404);
	}

}
