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

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.web.exchanges.HttpExchangeRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} that keeps the metrics guard from being
 * silently off: a startup check that a guard runs when it is asked for, and the masking
 * of keys in actuator's endpoints. Not conditional on the switch, so it also catches one
 * the conditions (or ahead-of-time processing) did not see.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = MetricsAuthAutoConfiguration.class)
public final class MetricsAuthSafeguardsAutoConfiguration {

	static final String REQUIRE_AUTH_PROPERTY = "litellm.require-auth-for-metrics-endpoint";

	@Bean
	MetricsAuthStartupCheck metricsAuthStartupCheck(Environment environment, ListableBeanFactory beans,
			ApplicationContext context) {
		return new MetricsAuthStartupCheck(environment, beans, ApplicationKind.of(context));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpExchangeRepository.class)
	static class KeyHeaderRedactionConfiguration {

		@Bean
		static MetricsKeyHeaderRedactor metricsKeyHeaderRedactor() {
			return new MetricsKeyHeaderRedactor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class KeySanitizingConfiguration {

		@Bean
		MetricsKeySanitizingFunction metricsKeySanitizingFunction() {
			return new MetricsKeySanitizingFunction();
		}

	}

}
