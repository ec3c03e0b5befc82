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

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.function.Consumer;

import org.apache.catalina.connector.Connector;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Settings of the servlet sample app that change which requests reach which handler.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class RoutingSettings {

	static final String ENCODED_SOLIDUS_HANDLING = "test.tomcat.encoded-solidus-handling";

	static final String URI_COMPLIANCE = "test.jetty.uri-compliance";

	static final String ANT_PATH_MATCHER = "spring.mvc.pathmatch.matching-strategy=ant-path-matcher";

	private static final @Nullable Method SET_USE_SUFFIX_PATTERN_MATCH = ReflectionUtils
		.findMethod(PathMatchConfigurer.class, "setUseSuffixPatternMatch", Boolean.class);

	private RoutingSettings() {
	}

	static boolean hasSuffixPatternMatch() {
		return SET_USE_SUFFIX_PATTERN_MATCH != null;
	}

	/**
	 * Metrics at {@code /metrics} as an annotated controller, which Spring MVC routes
	 * with its configured path matching, unlike the sample's functional route.
	 */
	@RestController
	@TestComponent
	static class AnnotatedMetrics {

		@GetMapping(path = "/metrics", produces = "text/plain;version=0.0.4;charset=utf-8")
		String metrics() {
			return "# TYPE annotated_metric counter\nannotated_metric 1\n";
		}

	}

	// Suffix pattern matching (/metrics.txt) where Spring MVC still has it.
	@TestConfiguration(proxyBeanMethods = false)
	static class SuffixPatterns implements WebMvcConfigurer {

		@Override
		public void configurePathMatch(PathMatchConfigurer configurer) {
			if (SET_USE_SUFFIX_PATTERN_MATCH != null) {
				ReflectionUtils.invokeMethod(SET_USE_SUFFIX_PATTERN_MATCH, configurer, Boolean.TRUE);
			}
		}

	}

	// A route whose variable may hold an encoded slash: /files/a%2Fb.pdf.
	@RestController
	@TestComponent
	static class Files {

		@GetMapping("/files/{name}")
		String file(@PathVariable String name) {
			return name;
		}

	}

	/**
	 * The container options Spring Boot has no property for, set through the container's
	 * customizer contract, whose package differs between Spring Boot generations.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ContainerOptions {

		@Bean
		WebServerFactoryCustomizer<ConfigurableWebServerFactory> containerOptions(Environment environment) {
			String encodedSolidusHandling = environment.getProperty(ENCODED_SOLIDUS_HANDLING);
			String uriCompliance = environment.getProperty(URI_COMPLIANCE);
			return (factory) -> {
				if (encodedSolidusHandling != null && factory.getClass().getSimpleName().startsWith("Tomcat")) {
					addCustomizer(factory, "addConnectorCustomizers",
							(Connector connector) -> connector.setEncodedSolidusHandling(encodedSolidusHandling));
				}
				if (uriCompliance != null && factory.getClass().getSimpleName().startsWith("Jetty")) {
					UriCompliance compliance = UriCompliance.valueOf(uriCompliance);
					addCustomizer(factory, "addServerCustomizers",
							(Server server) -> Arrays.stream(server.getConnectors())
								.map((connector) -> connector.getConnectionFactory(HttpConnectionFactory.class))
								.forEach((http) -> http.getHttpConfiguration().setUriCompliance(compliance)));
				}
			};
		}

		@SuppressWarnings("unchecked")
		private static <T> void addCustomizer(Object factory, String adder, Consumer<T> customization) {
			Method add = Arrays.stream(factory.getClass().getMethods())
				.filter((method) -> method.getName().equals(adder) && method.getParameterCount() == 1
						&& method.getParameterTypes()[0].isArray())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(factory.getClass().getName() + " has no " + adder));
			Class<?> customizerType = add.getParameterTypes()[0].getComponentType();
			// equals, hashCode and toString are the customization's own.
			Object customizer = Proxy.newProxyInstance(customizerType.getClassLoader(),
					new Class<?>[] { customizerType }, (proxy, method, args) -> {
						if (!method.getName().equals("customize")) {
							return method.invoke(customization, args);
						}
						customization.accept((T) args[0]);
						return null;
					});
			Object customizers = Array.newInstance(customizerType, 1);
			Array.set(customizers, 0, customizer);
			ReflectionUtils.invokeMethod(add, factory, customizers);
		}

	}

}
