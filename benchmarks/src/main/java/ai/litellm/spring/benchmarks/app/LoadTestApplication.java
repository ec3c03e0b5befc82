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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.netty.ReactorNetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * The application {@code benchmarks/load.sh} puts under load, started as
 * {@code java -jar load-app.jar --bench.mode=MODE --server.port=PORT}.
 * <p>
 * It serves {@code GET /health} and {@code GET /metrics} on Reactor Netty with a single
 * event-loop thread, like the single uvicorn worker of LiteLLM's experiment, so that the
 * cost of a filter shows up as throughput lost on that one thread. The {@code servlet-*}
 * modes serve the same routes with Spring MVC on Tomcat, with Tomcat's default thread
 * pool. There is no actuator and no request logging; only the filter setup differs
 * between {@link BenchMode modes} of one stack. No component scanning either: each mode
 * contributes exactly its own configuration.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ LoadTestRoutes.class, ServletLoadTestRoutes.class, EventLoopThreadsReporter.class })
public class LoadTestApplication {

	/**
	 * The API key every mode accepts on {@code /metrics}: as a bearer token, or as the
	 * password of the user {@value #USER} in HTTP Basic.
	 */
	public static final String API_KEY = "sk-bench-4f1c7a9e2d";

	/**
	 * The user name for HTTP Basic, which Spring Security checks and the starter ignores.
	 */
	public static final String USER = "prometheus";

	/**
	 * The property that selects the mode.
	 */
	public static final String MODE_PROPERTY = "bench.mode";

	public static void main(String[] args) {
		// Read once, when Reactor Netty's LoopResources class is initialised: it must be
		// set before anything touches Netty.
		if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, "1");
		}
		String mode = new SimpleCommandLinePropertySource(args).getProperty(MODE_PROPERTY);
		if (mode == null) {
			throw new IllegalArgumentException("Choose a mode with --" + MODE_PROPERTY + "=" + BenchMode.names());
		}
		application(BenchMode.of(mode)).run(args);
	}

	/**
	 * Create the application for a mode, as {@link #main} runs it and tests start it.
	 * @param mode the filter setup
	 * @return the application, not yet run
	 */
	public static SpringApplication application(BenchMode mode) {
		List<Class<?>> sources = new ArrayList<>();
		sources.add(LoadTestApplication.class);
		sources.addAll(mode.configurations());
		SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
		application.setWebApplicationType(mode.webApplicationType());
		// Defaults, so that the command line can still override any of them.
		Map<String, Object> properties = new HashMap<>(mode.properties());
		properties.put(MODE_PROPERTY, mode.value());
		application.setDefaultProperties(properties);
		return application;
	}

}
