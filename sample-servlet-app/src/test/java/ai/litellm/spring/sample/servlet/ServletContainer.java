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
import java.util.List;
import java.util.Set;

import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import ai.litellm.spring.test.MetricsPathSpellings;
import ai.litellm.spring.test.SampleAppFixture.SampleApp;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet containers the tests run the sample app on.
 */
enum ServletContainer implements SampleApp {

	TOMCAT("org.eclipse.jetty"),

	JETTY("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat");

	private final String[] otherContainerPackages;

	ServletContainer(String... otherContainerPackages) {
		this.otherContainerPackages = otherContainerPackages;
	}

	@Override
	public ConfigurableApplicationContext run(Class<?>[] sources, String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class).sources(sources)
			.main(SampleApplication.class)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader(this.otherContainerPackages)))
			.run(args);
		assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context.getBeanFactory()::getType))
			.filteredOn((type) -> type != null && type.getSimpleName().endsWith("ServletWebServerFactory"))
			.extracting(Class::getSimpleName)
			.as("servlet web server factories")
			.containsExactly((this == TOMCAT) ? "TomcatServletWebServerFactory" : "JettyServletWebServerFactory");
		// Nothing on this module's test class path brings Reactor, the starter included,
		// as for a Spring MVC application that does not otherwise need it.
		assertThat(ClassUtils.isPresent("reactor.core.publisher.Mono", getClass().getClassLoader()))
			.as("Reactor on the class path")
			.isFalse();
		boolean guarded = context.getEnvironment()
			.getProperty("litellm.require-auth-for-metrics-endpoint", Boolean.class);
		assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
			.filteredOn((registration) -> registration.getFilter() instanceof MetricsAuthServletFilter)
			.hasSize(guarded ? 1 : 0);
		return context;
	}

	@Override
	public Class<?> caseInsensitiveRouting() {
		return CaseInsensitiveMetrics.class;
	}

	@Override
	public List<Prefix> prefixes() {
		return List.of(new Prefix("/api", "server.servlet.context-path=/api"),
				new Prefix("/app", "spring.mvc.servlet.path=/app"),
				new Prefix("/api/app", "server.servlet.context-path=/api", "spring.mvc.servlet.path=/app"));
	}

	@Override
	public Set<String> spellings(List<String> paths) {
		return MetricsPathSpellings.withServletSpellings(paths);
	}

	/**
	 * Case-insensitive matching for annotated controllers, and one that serves the
	 * metrics. Spring MVC's {@code PathMatchConfigurer} has no
	 * {@code setUseCaseSensitiveMatch}, so the path pattern parser is replaced instead.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class CaseInsensitiveMetrics implements WebMvcConfigurer {

		private final PrometheusMeterRegistry registry;

		CaseInsensitiveMetrics(PrometheusMeterRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void configurePathMatch(PathMatchConfigurer configurer) {
			PathPatternParser parser = new PathPatternParser();
			parser.setCaseSensitive(false);
			configurer.setPatternParser(parser);
		}

		@GetMapping("/metrics")
		String metrics() {
			return this.registry.scrape();
		}

	}

}
