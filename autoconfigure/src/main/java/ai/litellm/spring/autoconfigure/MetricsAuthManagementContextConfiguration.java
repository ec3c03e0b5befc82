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

import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the main context's guard again on a servlet application's separate management
 * server, whose container does not see the main context's filters.
 *
 * @author LiteLLM Spring Boot contributors
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(MetricsGuard.class)
class MetricsAuthManagementContextConfiguration {

	@Bean(MetricsAuthAutoConfiguration.SERVLET_FILTER_REGISTRATION_BEAN)
	FilterRegistrationBean<MetricsAuthServletFilter> metricsAuthFilterRegistration(ListableBeanFactory beans,
			LiteLlmProperties properties) {
		MetricsAuthServletFilter filter = MetricsAuthFilterRegistration.find(beans);
		if (filter == null) {
			throw new IllegalStateException("No metrics guard to register on the management server");
		}
		return MetricsAuthFilterRegistration.of(filter, properties.getMetricsAuth().getFilterOrder());
	}

}
