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

package ai.litellm.spring.autoconfigure;

import java.util.EnumSet;

import ai.litellm.spring.metrics.MetricsAuthServletFilter;
import ai.litellm.spring.metrics.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.MetricsGuard;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthAutoConfiguration} in a Spring MVC (servlet) application.
 */
class ServletMetricsAuthAutoConfigurationTests {

	private static final String KEY = "sk-servlet-master-1234";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAuthAutoConfiguration.class, MetricsAuthSafeguardsAutoConfiguration.class));

	@Test
	void registersNothingByDefault() {
		this.contextRunner.withPropertyValues("litellm.master-key=" + KEY)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MetricsGuard.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void registersTheServletFilterForEveryDispatchBeforeSpringSecurity() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MetricsAuthWebFilter.class);
				FilterRegistrationBean<?> registration = registration(context);
				assertThat(registration.getFilter()).isInstanceOf(MetricsAuthServletFilter.class);
				assertThat(registration.getOrder()).isEqualTo(-1000).isLessThan(-100);
				assertThat(registration.determineDispatcherTypes()).isEqualTo(EnumSet.allOf(DispatcherType.class));
				assertThat(registration.getUrlPatterns()).isEmpty();
			});
	}

	@Test
	void usesTheConfiguredFilterOrder() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY,
					"litellm.metrics-auth.filter-order=7")
			.run((context) -> assertThat(registration(context).getOrder()).isEqualTo(7));
	}

	@Test
	void guardsMetricsWithTheMasterKey() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY)
			.run((context) -> {
				assertThat(statusOf(context, "/metrics", null)).isEqualTo(401);
				assertThat(statusOf(context, "/metrics", "sk-wrong")).isEqualTo(401);
				assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(200);
				assertThat(statusOf(context, "/health", null)).isEqualTo(200);
			});
	}

	@Test
	void ignoresTheReactiveAdapterChoice() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY,
					"litellm.metrics-auth.adapter=http-handler")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(statusOf(context, "/metrics", null)).isEqualTo(401);
			});
	}

	@Test
	void failsToStartWithoutAKey() {
		this.contextRunner.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MetricsKeyMissingException.class));
	}

	private static FilterRegistrationBean<?> registration(AssertableWebApplicationContext context) {
		return context.getBean(MetricsAuthAutoConfiguration.SERVLET_FILTER_REGISTRATION_BEAN,
				FilterRegistrationBean.class);
	}

	private static int statusOf(AssertableWebApplicationContext context, String path, String key) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		if (key != null) {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		registration(context).getFilter().doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
