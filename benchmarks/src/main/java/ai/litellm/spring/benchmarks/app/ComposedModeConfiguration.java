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

package ai.litellm.spring.benchmarks.app;

import java.util.List;

import ai.litellm.spring.benchmarks.filters.ComposedMetricsAuthWebFilter;
import ai.litellm.spring.benchmarks.filters.PassThroughWebFilter;
import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "before" setup of LiteLLM's experiment: one filter in the heavy composition style
 * and one pure pass-through filter.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ComposedModeConfiguration {

	@Bean
	ComposedMetricsAuthWebFilter composedMetricsAuthWebFilter() {
		AcceptedKeys keys = AcceptedKeys.builder()
			.key("master", LoadTestApplication.API_KEY, "litellm.master-key")
			.build();
		return new ComposedMetricsAuthWebFilter(new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")),
				new KeyRing(keys), AuthenticationListener.NONE));
	}

	@Bean
	PassThroughWebFilter passThroughWebFilter() {
		return new PassThroughWebFilter();
	}

}
