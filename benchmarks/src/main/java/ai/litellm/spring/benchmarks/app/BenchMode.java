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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * The filter setups the load test compares, chosen with {@code --bench.mode}.
 *
 * @author LiteLLM Spring Boot contributors
 */
enum BenchMode {

	NONE("none", WebApplicationType.REACTIVE, Map.of()),
	STARTER("starter", WebApplicationType.REACTIVE, starter("web-filter")),
	STARTER_HANDLER("starter-handler", WebApplicationType.REACTIVE, starter("http-handler")),
	COMPOSED("composed", WebApplicationType.REACTIVE, Map.of(), ModeConfigurations.Composed.class),
	SECURITY("security", WebApplicationType.REACTIVE, Map.of(), ModeConfigurations.ReactiveSecurity.class),
	SERVLET_NONE("servlet-none", WebApplicationType.SERVLET, Map.of()),
	SERVLET_STARTER("servlet-starter", WebApplicationType.SERVLET, starter("web-filter")), SERVLET_SECURITY(
			"servlet-security", WebApplicationType.SERVLET, Map.of(), ModeConfigurations.ServletSecurity.class);

	final String value;

	final WebApplicationType webApplicationType;

	final List<Class<?>> configurations;

	private final Map<String, Object> properties;

	BenchMode(String value, WebApplicationType webApplicationType, Map<String, Object> properties,
			Class<?>... configurations) {
		this.value = value;
		this.webApplicationType = webApplicationType;
		this.properties = properties;
		this.configurations = List.of(configurations);
	}

	private static Map<String, Object> starter(String adapter) {
		return Map.of("litellm.require-auth-for-metrics-endpoint", "true", "litellm.master-key",
				LoadTestApplication.API_KEY, "litellm.metrics-auth.adapter", adapter);
	}

	Map<String, Object> properties() {
		Map<String, Object> properties = new HashMap<>(this.properties);
		properties.put(LoadTestApplication.MODE_PROPERTY, this.value);
		if (this != SECURITY && this != SERVLET_SECURITY) {
			// Without them, Boot would secure every other mode's application too.
			properties.put("spring.autoconfigure.exclude", String.join(",", springSecurityAutoConfigurations()));
		}
		return properties;
	}

	static List<String> springSecurityAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, BenchMode.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("org.springframework.boot.security."))
			.toList();
	}

	static BenchMode of(String value) {
		return Arrays.stream(values())
			.filter((mode) -> mode.value.equals(value))
			.findFirst()
			.orElseThrow(
					() -> new IllegalArgumentException("Unknown mode '" + value + "', expected one of " + names()));
	}

	static String names() {
		return Arrays.stream(values()).map((mode) -> mode.value).collect(Collectors.joining("|"));
	}

}
