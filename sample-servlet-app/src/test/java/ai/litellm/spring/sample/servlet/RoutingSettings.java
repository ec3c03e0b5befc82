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

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
 * Settings of the servlet sample app that change which requests reach which handler:
 * legacy Spring MVC path matching, the containers' handling of encoded slashes, and
 * routes an application of its own may have.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class RoutingSettings {

	static final String ENCODED_SOLIDUS_HANDLING = "test.tomcat.encoded-solidus-handling";

	static final String URI_COMPLIANCE = "test.jetty.uri-compliance";

	static final String ANT_PATH_MATCHER = "--spring.mvc.pathmatch.matching-strategy=ant-path-matcher";

	private static final @Nullable Method SET_USE_SUFFIX_PATTERN_MATCH = ReflectionUtils
		.findMethod(PathMatchConfigurer.class, "setUseSuffixPatternMatch", Boolean.class);

	private RoutingSettings() {
	}

	static boolean hasSuffixPatternMatch() {
		return SET_USE_SUFFIX_PATTERN_MATCH != null;
	}

	/**
	 * The metrics at {@code /metrics} as an annotated controller, which Spring MVC routes
	 * with its configured path matching (unlike the sample's functional route, which
	 * always matches parsed paths). It comes before the functional route.
	 */
	@RestController
	@TestComponent
	static class AnnotatedMetrics {

		private final PrometheusMeterRegistry registry;

		AnnotatedMetrics(PrometheusMeterRegistry registry) {
			this.registry = registry;
		}

		@GetMapping(path = "/metrics", produces = "text/plain;version=0.0.4;charset=utf-8")
		String metrics() {
			return this.registry.scrape();
		}

	}

	/**
	 * Suffix pattern matching where Spring MVC still has it: a handler of
	 * {@code /metrics} also answers {@code /metrics.txt}. Needs the Ant path matcher,
	 * with which Spring Boot 3.5 applies it to annotated controllers.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SuffixPatterns implements WebMvcConfigurer {

		@Override
		public void configurePathMatch(PathMatchConfigurer configurer) {
			if (SET_USE_SUFFIX_PATTERN_MATCH != null) {
				ReflectionUtils.invokeMethod(SET_USE_SUFFIX_PATTERN_MATCH, configurer, Boolean.TRUE);
			}
		}

	}

	/**
	 * An application route whose variable may hold an encoded slash, as file names do:
	 * {@code /files/a%2Fb.pdf} answers {@code a/b.pdf}.
	 */
	@RestController
	@TestComponent
	static class Files {

		@GetMapping("/files/{name}")
		String file(@PathVariable String name) {
			return name;
		}

	}

	/**
	 * The container options Spring Boot has no property for, taken from
	 * {@link #ENCODED_SOLIDUS_HANDLING} and {@link #URI_COMPLIANCE}. They are set through
	 * the container's own customizer contract, whose package differs between Spring Boot
	 * generations: it is found as the parameter of the factory method that adds it.
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
			Object customizer = Proxy.newProxyInstance(customizerType.getClassLoader(),
					new Class<?>[] { customizerType }, (proxy, method, args) -> switch (method.getName()) {
						case "customize" -> {
							customization.accept((T) args[0]);
							yield null;
						}
						case "equals" -> proxy == args[0];
						case "hashCode" -> System.identityHashCode(proxy);
						case "toString" -> adder + " customizer of the tests";
						default -> throw new UnsupportedOperationException(method.toString());
					});
			Object customizers = Array.newInstance(customizerType, 1);
			Array.set(customizers, 0, customizer);
			ReflectionUtils.invokeMethod(add, factory, customizers);
		}

	}

}
