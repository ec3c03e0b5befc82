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

import ai.litellm.spring.autoconfigure.MetricsAuthStartupCheck.ApplicationKind;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registers the {@link MetricsAuthStartupCheck} when no auto-configuration did, so that
 * an application that excludes the starter's auto-configurations with the switch on fails
 * to start instead of serving its metrics without a key. Registered through
 * {@code spring.factories}, which no exclusion reaches.
 *
 * @author LiteLLM Spring Boot contributors
 */
class MetricsAuthSafeguardsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String BEAN_NAME = "metricsAuthStartupCheckOfLastResort";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// Run once every configuration class has registered its beans.
		context.addBeanFactoryPostProcessor((beanFactory) -> {
			if (beanFactory.getBeanNamesForType(MetricsAuthStartupCheck.class, true, false).length > 0
					|| !(beanFactory instanceof BeanDefinitionRegistry registry)) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(MetricsAuthStartupCheck.class,
					() -> new MetricsAuthStartupCheck(context.getEnvironment(), beanFactory,
							ApplicationKind.of(context)));
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(BEAN_NAME, definition);
		});
	}

}
