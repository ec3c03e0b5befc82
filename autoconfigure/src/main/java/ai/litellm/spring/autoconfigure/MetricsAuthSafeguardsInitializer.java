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
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes sure that the {@link MetricsAuthStartupCheck} runs in every application that has
 * the starter, whatever auto-configurations it excludes: registered through
 * {@code spring.factories} rather than as an auto-configuration, it adds the check when
 * no auto-configuration did. An application that excludes both of the starter's
 * auto-configurations with the switch on therefore fails to start instead of serving its
 * metrics without a key.
 *
 * @author LiteLLM Spring Boot contributors
 */
class MetricsAuthSafeguardsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addBeanFactoryPostProcessor(new StartupCheckRegistrar(context));
	}

	private static final class StartupCheckRegistrar implements BeanDefinitionRegistryPostProcessor {

		private static final String BEAN_NAME = "metricsAuthStartupCheckOfLastResort";

		private final ConfigurableApplicationContext context;

		StartupCheckRegistrar(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		}

		// Once every configuration class has registered its beans.
		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			if (beanFactory.getBeanNamesForType(MetricsAuthStartupCheck.class, true, false).length > 0
					|| !(beanFactory instanceof BeanDefinitionRegistry registry)) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(MetricsAuthStartupCheck.class,
					() -> new MetricsAuthStartupCheck(this.context.getEnvironment(), beanFactory,
							ApplicationKind.of(this.context)));
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(BEAN_NAME, definition);
		}

	}

}
