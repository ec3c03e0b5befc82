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

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet sample app runs without Reactor, as a Spring MVC application that does not
 * otherwise need it would: nothing on this module's test class path brings it, the
 * starter included, and the application starts and is guarded.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
class WithoutReactorTests extends ServletSampleAppScenarios {

	@Test
	void startsAndGuardsMetricsWithoutReactorOnTheClassPath() {
		assertThat(ClassUtils.isPresent("reactor.core.publisher.Mono", getClass().getClassLoader()))
			.as("Reactor on the class path")
			.isFalse();
		RawResponse rejected = raw().send("GET", "/metrics");
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(rejected.body()).contains("\"type\":\"auth_error\"").doesNotContain("# TYPE");
		RawResponse served = raw().send("GET", "/metrics", "Authorization: Bearer " + KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_");
	}

}
