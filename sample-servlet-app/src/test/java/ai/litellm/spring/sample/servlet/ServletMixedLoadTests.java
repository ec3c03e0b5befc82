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

import java.util.Map;

import ai.litellm.spring.test.MixedLoad;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MixedLoad} on loopback against the guarded servlet sample app, on Tomcat and
 * on Jetty: every one of its 10,000 requests per container must get exactly the expected
 * status and body, with no 5xx.
 */
class ServletMixedLoadTests {

	@ParameterizedTest
	@EnumSource
	void answersEveryRequestOfAMixedLoadAsExpected(ServletContainer container) throws Exception {
		try (ConfigurableApplicationContext app = container.run("--server.port=0",
				"--litellm.require-auth-for-metrics-endpoint=true",
				"--litellm.master-key=" + ServletSampleAppScenarios.KEY, "--spring.main.banner-mode=off")) {
			MixedLoad load = new MixedLoad(ServletSampleAppScenarios.KEY);
			Map<String, Long> counts = load.send(ServletContainer.port(app));
			System.out.printf("Servlet mixed load (%s): %s%n", container, counts);
			assertThat(counts).isEqualTo(load.expected());
		}
	}

}
