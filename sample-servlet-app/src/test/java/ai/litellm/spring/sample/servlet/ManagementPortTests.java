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

import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import ai.litellm.spring.test.ManagementPortScenarios;
import ai.litellm.spring.test.RawHttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * {@link ManagementPortScenarios} through real Tomcat servers: the management server runs
 * in a child context whose servlet container does not see the main context's filters, so
 * the {@link MetricsAuthServletFilter} is registered there too.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ManagementPortScenarios.MASTER_KEY,
				"management.server.port=0", "management.server.base-path=/manage" })
class ManagementPortTests extends ServletSampleAppScenarios implements ManagementPortScenarios {

	@LocalManagementPort
	int managementPort;

	@Override
	public RawHttpClient management() {
		return new RawHttpClient(this.managementPort);
	}

}
