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

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;

/**
 * The filter setups the load test compares.
 *
 * @author LiteLLM Spring Boot contributors
 */
public enum BenchMode {

	/**
	 * No web filter at all: the baseline.
	 */
	NONE("none", WebApplicationType.REACTIVE, withoutSecurity(Map.of()), List.of()),

	/**
	 * The starter's real auto-configuration with auth on, as a {@code WebFilter}.
	 */
	STARTER("starter", WebApplicationType.REACTIVE, starter(Map.of()), List.of()),

	/**
	 * The starter's real auto-configuration with auth on, as an {@code HttpHandler}
	 * decorator.
	 */
	STARTER_HANDLER("starter-handler", WebApplicationType.REACTIVE,
			starter(Map.of("litellm.metrics-auth.adapter", "http-handler")), List.of()),

	/**
	 * A {@code ComposedMetricsAuthWebFilter} and a pass-through filter: the "before"
	 * setup of LiteLLM's experiment.
	 */
	COMPOSED("composed", WebApplicationType.REACTIVE, withoutSecurity(Map.of()),
			List.of(ComposedModeConfiguration.class)),

	/**
	 * Spring Security guarding {@code /metrics} with HTTP Basic, everything else
	 * permitted.
	 */
	SECURITY("security", WebApplicationType.REACTIVE, Map.of(), List.of(SecurityModeConfiguration.class)),

	/**
	 * Spring MVC on Tomcat without any filter of ours: the servlet baseline. Spring
	 * Boot's own servlet filters (character encoding, form content, request context) are
	 * there, as in every servlet mode.
	 */
	SERVLET_NONE("servlet-none", WebApplicationType.SERVLET, withoutSecurity(Map.of()), List.of()),

	/**
	 * The starter's real auto-configuration with auth on, as a servlet {@code Filter}.
	 */
	SERVLET_STARTER("servlet-starter", WebApplicationType.SERVLET, starter(Map.of()), List.of()),

	/**
	 * Spring Security on Spring MVC guarding {@code /metrics} with HTTP Basic, everything
	 * else permitted.
	 */
	SERVLET_SECURITY("servlet-security", WebApplicationType.SERVLET, Map.of(),
			List.of(ServletSecurityModeConfiguration.class));

	private final String value;

	private final WebApplicationType webApplicationType;

	private final Map<String, Object> properties;

	private final List<Class<?>> configurations;

	BenchMode(String value, WebApplicationType webApplicationType, Map<String, Object> properties,
			List<Class<?>> configurations) {
		this.value = value;
		this.webApplicationType = webApplicationType;
		this.properties = properties;
		this.configurations = configurations;
	}

	private static Map<String, Object> starter(Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(extra);
		properties.put("litellm.require-auth-for-metrics-endpoint", "true");
		properties.put("litellm.master-key", LoadTestApplication.API_KEY);
		return withoutSecurity(properties);
	}

	private static Map<String, Object> withoutSecurity(Map<String, Object> properties) {
		Map<String, Object> result = new HashMap<>(properties);
		result.put("spring.autoconfigure.exclude", String.join(",", SecurityAutoConfigurations.NAMES));
		return Map.copyOf(result);
	}

	/**
	 * Return the mode's name as given on the command line.
	 * @return the name
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return the stack the mode runs on. Set, not deduced: with both Spring MVC and
	 * WebFlux on the classpath Spring Boot would choose Spring MVC for every mode.
	 * @return the web application type
	 */
	public WebApplicationType webApplicationType() {
		return this.webApplicationType;
	}

	/**
	 * Return the properties that set the mode up.
	 * @return the properties
	 */
	public Map<String, Object> properties() {
		return this.properties;
	}

	/**
	 * Return the configuration classes the mode adds to the application.
	 * @return the configuration classes
	 */
	public List<Class<?>> configurations() {
		return this.configurations;
	}

	/**
	 * Return the mode with the given name.
	 * @param value the name, such as {@code starter-handler}
	 * @return the mode
	 */
	public static BenchMode of(String value) {
		return Arrays.stream(values())
			.filter((mode) -> mode.value.equals(value))
			.findFirst()
			.orElseThrow(
					() -> new IllegalArgumentException("Unknown mode '" + value + "', expected one of " + names()));
	}

	static String names() {
		return Arrays.stream(values()).map(BenchMode::value).collect(Collectors.joining("|"));
	}

}
