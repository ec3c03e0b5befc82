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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import reactor.netty.ReactorNetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The application {@code benchmarks/load.sh} puts under load, started as
 * {@code java -jar load-app.jar --bench.mode=MODE --server.port=PORT}: two routes that do
 * next to no work, on Reactor Netty with one event-loop thread (like the single uvicorn
 * worker of LiteLLM's experiment) or, in the {@code servlet-*} modes, on Tomcat, so that
 * only the {@link BenchMode mode}'s filters differ.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class LoadTestApplication {

	/**
	 * The API key every mode accepts on {@code /metrics}, as a bearer token or as the
	 * HTTP Basic password of {@link #USER}, in {@link #BASIC_CREDENTIALS}.
	 */
	public static final String API_KEY = "sk-bench-4f1c7a9e2d";

	static final String USER = "prometheus";

	/**
	 * HTTP Basic credentials that every mode accepts.
	 */
	public static final String BASIC_CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + API_KEY).getBytes(StandardCharsets.UTF_8));

	static final String MODE_PROPERTY = "bench.mode";

	static final String METRICS = """
			# HELP bench_up Whether the load-test application is up.
			# TYPE bench_up gauge
			bench_up 1.0
			""";

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	public static void main(String[] args) {
		// Reactor Netty reads it once, when its LoopResources class is initialised.
		if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, "1");
		}
		String mode = new SimpleCommandLinePropertySource(args).getProperty(MODE_PROPERTY);
		if (mode == null) {
			throw new IllegalArgumentException("Choose a mode with --" + MODE_PROPERTY + "=" + BenchMode.names());
		}
		application(BenchMode.of(mode)).run(args);
	}

	static SpringApplication application(BenchMode mode) {
		SpringApplication application = new SpringApplication(LoadTestApplication.class);
		application.addPrimarySources(mode.configurations);
		// Set, not deduced: with both stacks on the classpath Boot would pick Spring MVC.
		application.setWebApplicationType(mode.webApplicationType);
		// Defaults, so that the command line can still override them.
		application.setDefaultProperties(mode.properties());
		return application;
	}

	/**
	 * Create the starter's guard of {@code /metrics} with the load test's key, as its
	 * auto-configuration builds it from {@code litellm.master-key}.
	 * @return the guard
	 */
	public static MetricsGuard guard() {
		AcceptedKeys keys = AcceptedKeys.builder().key("master", API_KEY, "litellm.master-key").build();
		return new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")), new KeyRing(keys),
				AuthenticationListener.NONE);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveRoutes {

		@Bean
		RouterFunction<ServerResponse> loadTestRoutes() {
			return RouterFunctions.route()
				.GET("/health", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("ok"))
				.GET("/metrics",
						(request) -> ServerResponse.ok()
							.header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
							.bodyValue(METRICS))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletRoutes {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> servletLoadTestRoutes() {
			return org.springframework.web.servlet.function.RouterFunctions.route()
				.GET("/health",
						(request) -> org.springframework.web.servlet.function.ServerResponse.ok()
							.contentType(MediaType.TEXT_PLAIN)
							.body("ok"))
				.GET("/metrics",
						(request) -> org.springframework.web.servlet.function.ServerResponse.ok()
							.header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
							.body(METRICS))
				.build();
		}

	}

	/**
	 * The filter setups the load test compares, chosen with {@code --bench.mode}: the
	 * name in lower case with dashes ({@code starter-handler}).
	 */
	enum BenchMode {

		NONE(WebApplicationType.REACTIVE, Map.of()), STARTER(WebApplicationType.REACTIVE, starter("web-filter")),
		STARTER_HANDLER(WebApplicationType.REACTIVE, starter("http-handler")),
		COMPOSED(WebApplicationType.REACTIVE, Map.of(), ModeConfigurations.Composed.class),
		SECURITY(WebApplicationType.REACTIVE, Map.of(), ModeConfigurations.ReactiveSecurity.class),
		SERVLET_NONE(WebApplicationType.SERVLET, Map.of()),
		SERVLET_STARTER(WebApplicationType.SERVLET, starter("web-filter")),
		SERVLET_SECURITY(WebApplicationType.SERVLET, Map.of(), ModeConfigurations.ServletSecurity.class);

		final String value = name().toLowerCase(Locale.ROOT).replace('_', '-');

		final WebApplicationType webApplicationType;

		final List<Class<?>> configurations;

		private final Map<String, Object> properties;

		BenchMode(WebApplicationType webApplicationType, Map<String, Object> properties, Class<?>... configurations) {
			this.webApplicationType = webApplicationType;
			this.properties = properties;
			this.configurations = List.of(configurations);
		}

		private static Map<String, Object> starter(String adapter) {
			return Map.of("litellm.require-auth-for-metrics-endpoint", "true", "litellm.master-key", API_KEY,
					"litellm.metrics-auth.adapter", adapter);
		}

		Map<String, Object> properties() {
			Map<String, Object> properties = new HashMap<>(this.properties);
			properties.put(MODE_PROPERTY, this.value);
			if (this != SECURITY && this != SERVLET_SECURITY) {
				// Without them, Boot would secure every other mode's application too.
				List<String> security = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
					.getCandidates()
					.stream()
					.filter((name) -> name.startsWith("org.springframework.boot.security."))
					.toList();
				properties.put("spring.autoconfigure.exclude", String.join(",", security));
			}
			return properties;
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

}
