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
import ai.litellm.spring.test.SampleAppFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the {@code @SpringBootTest} classes of the guarded servlet sample app on Tomcat
 * (Jetty, also on the class path, excluded).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "litellm.master-key=" + SampleAppFixture.KEY, "spring.autoconfigure.exclude="
				+ "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration,"
				+ "org.springframework.boot.jetty.autoconfigure.actuate.web.server.JettyServletManagementContextAutoConfiguration" })
public abstract class ServletSampleAppScenarios {

	static final String KEY = SampleAppFixture.KEY;

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	// Nothing on this module's test class path brings Reactor, the starter included, as
	// for a Spring MVC application that does not otherwise need it.
	@Test
	void guardsWithTheServletFilterOnTomcatWithoutReactor() {
		assertThat(ServletContainer.runningIn(this.context)).isEqualTo(ServletContainer.TOMCAT);
		assertThat(this.context.getBeansOfType(FilterRegistrationBean.class).values())
			.filteredOn((registration) -> registration.getFilter() instanceof MetricsAuthServletFilter)
			.hasSize(1);
		assertThat(ClassUtils.isPresent("reactor.core.publisher.Mono", getClass().getClassLoader()))
			.as("Reactor on the class path")
			.isFalse();
	}

	RawHttpClient raw() {
		return new RawHttpClient(this.port);
	}

}
