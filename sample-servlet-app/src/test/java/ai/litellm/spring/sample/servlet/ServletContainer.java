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

package ai.litellm.spring.sample.servlet;

import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet containers the tests run the sample app on. Both are on the test class
 * path; the app is started with a class loader that hides the other one from Spring
 * Boot's conditions, so Boot configures the chosen one as it would for an application
 * that has only that one. This works alike on Spring Boot 3.5 and 4.x, whose container
 * factories live in different packages: Boot 4 orders its per-container
 * auto-configurations by name, so with both present Jetty would win there, while Boot 3.5
 * prefers Tomcat.
 *
 * @author LiteLLM Spring Boot contributors
 */
enum ServletContainer {

	TOMCAT("org.eclipse.jetty"),

	JETTY("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat");

	private final String[] otherContainerPackages;

	ServletContainer(String... otherContainerPackages) {
		this.otherContainerPackages = otherContainerPackages;
	}

	/**
	 * Start the sample app on this container.
	 * @param args the command-line arguments, such as {@code --server.port=0}
	 * @return the running application
	 */
	ConfigurableApplicationContext run(String... args) {
		return run(new Class<?>[0], args);
	}

	/**
	 * Start the sample app on this container with more configuration.
	 * @param moreSources configuration classes to add to the sample app's
	 * @param args the command-line arguments, such as {@code --server.port=0}
	 * @return the running application
	 */
	ConfigurableApplicationContext run(Class<?>[] moreSources, String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.sources(moreSources)
			.main(SampleApplication.class)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader(this.otherContainerPackages)))
			.run(args);
		assertThat(runningIn(context)).as("container the app runs in").isEqualTo(this);
		return context;
	}

	/**
	 * Return the container an application runs in, told by the type of its web server
	 * factory bean, whose package differs between Spring Boot generations but whose name
	 * does not.
	 * @param context the application
	 * @return the container
	 */
	static ServletContainer runningIn(ConfigurableApplicationContext context) {
		String[] factories = Arrays.stream(context.getBeanDefinitionNames())
			.map(context.getBeanFactory()::getType)
			.filter((type) -> type != null && type.getSimpleName().endsWith("ServletWebServerFactory"))
			.map(Class::getSimpleName)
			.toArray(String[]::new);
		assertThat(factories).as("servlet web server factories").hasSize(1);
		return switch (factories[0]) {
			case "TomcatServletWebServerFactory" -> TOMCAT;
			case "JettyServletWebServerFactory" -> JETTY;
			default -> throw new IllegalStateException("Unexpected web server factory " + factories[0]);
		};
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
