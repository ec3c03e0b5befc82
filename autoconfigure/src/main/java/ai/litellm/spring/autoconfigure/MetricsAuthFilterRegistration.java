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

import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import jakarta.servlet.DispatcherType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.HierarchicalBeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The registration of the servlet adapter, in the main and the management context; a
 * class of its own, so that no servlet type is loaded outside a servlet application.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MetricsAuthFilterRegistration {

	private MetricsAuthFilterRegistration() {
	}

	// For every dispatch: a forward, include or error dispatch is guarded too.
	static FilterRegistrationBean<MetricsAuthServletFilter> of(MetricsAuthServletFilter filter, int order) {
		FilterRegistrationBean<MetricsAuthServletFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("metricsAuthFilter");
		registration.setOrder(order);
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

	// The guarding filter, the starter's or the application's own, registered or as a
	// bean, in this context or an ancestor.
	static @Nullable MetricsAuthServletFilter find(ListableBeanFactory beans) {
		// Each context on its own: a search of the hierarchy would not see the main
		// context's registration behind the management context's, of the same name.
		BeanFactory factory = beans;
		while (factory instanceof ListableBeanFactory listable) {
			MetricsAuthServletFilter filter = findLocal(listable);
			if (filter != null) {
				return filter;
			}
			factory = (factory instanceof HierarchicalBeanFactory hierarchical) ? hierarchical.getParentBeanFactory()
					: null;
		}
		return null;
	}

	private static @Nullable MetricsAuthServletFilter findLocal(ListableBeanFactory beans) {
		for (FilterRegistrationBean<?> registration : beans.getBeansOfType(FilterRegistrationBean.class, false, false)
			.values()) {
			if (registration.getFilter() instanceof MetricsAuthServletFilter filter) {
				return filter;
			}
		}
		return beans.getBeansOfType(MetricsAuthServletFilter.class, false, false)
			.values()
			.stream()
			.findFirst()
			.orElse(null);
	}

}
