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

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.util.ClassUtils;

/**
 * The auto-configurations that expose actuator's Prometheus and metrics endpoints, on
 * whichever Spring Boot generation the tests run: Boot 4 moved Micrometer's
 * auto-configuration into a module and package of its own. The one place the tests tell
 * the generations apart.
 */
final class PrometheusEndpointAutoConfigurations {

	private static final List<List<String>> MICROMETER_CANDIDATES = List.of(
			List.of("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration"),
			List.of("org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration"),
			List.of("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.MetricsEndpointAutoConfiguration"));

	private PrometheusEndpointAutoConfigurations() {
	}

	static AutoConfigurations get() {
		List<Class<?>> classes = new ArrayList<>(
				List.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));
		ClassLoader classLoader = PrometheusEndpointAutoConfigurations.class.getClassLoader();
		for (List<String> candidates : MICROMETER_CANDIDATES) {
			String present = candidates.stream()
				.filter((name) -> ClassUtils.isPresent(name, classLoader))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("None of " + candidates + " is on the classpath"));
			classes.add(ClassUtils.resolveClassName(present, classLoader));
		}
		return AutoConfigurations.of(classes.toArray(Class<?>[]::new));
	}

}
