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

import ai.litellm.spring.test.ActuatorExposureScenarios;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * {@link ActuatorExposureScenarios} through a real Tomcat.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ActuatorExposureScenarios.MASTER_KEY,
				"litellm.metrics-auth.keys[0]=" + ActuatorExposureScenarios.SECOND_KEY,
				"LITELLM_MASTER_KEY=" + ActuatorExposureScenarios.ENVIRONMENT_KEY,
				ActuatorExposureScenarios.COMMAND_LINE, ActuatorExposureScenarios.APPLICATION_JSON,
				ActuatorExposureScenarios.APPLICATION_JSON_PROPERTY, ActuatorExposureScenarios.TOOL_OPTIONS,
				"management.endpoints.web.exposure.include=health,prometheus,metrics,env,configprops,httpexchanges",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@Import(ActuatorExposureScenarios.HttpExchangeRecording.class)
class ActuatorExposureTests extends ServletSampleAppScenarios implements ActuatorExposureScenarios {

	@Override
	public int port() {
		return this.port;
	}

}
