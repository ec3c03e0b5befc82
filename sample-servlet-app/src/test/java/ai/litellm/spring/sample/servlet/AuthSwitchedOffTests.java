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
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code litellm.require-auth-for-metrics-endpoint=false} no servlet filter is
 * registered and metrics are open, even without any key configured.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.require-auth-for-metrics-endpoint=false" })
class AuthSwitchedOffTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void registersNoServletFilter() {
		assertThat(this.context.containsBean("metricsAuthFilterRegistration")).isFalse();
		assertThat(this.context.getBeansOfType(FilterRegistrationBean.class).values())
			.noneMatch((registration) -> registration.getFilter() instanceof MetricsAuthServletFilter);
		assertThat(this.context.getBeanNamesForType(MetricsAuthServletFilter.class)).isEmpty();
	}

	@Test
	void servesMetricsWithoutAKey() {
		RawHttpClient http = new RawHttpClient(this.port);
		for (String target : new String[] { "/metrics", "/actuator/prometheus" }) {
			RawResponse response = http.send("GET", target);
			assertThat(response.status()).as(target).isEqualTo(200);
			assertThat(response.body()).as(target).contains("# TYPE jvm_");
		}
	}

}
