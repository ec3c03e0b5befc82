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

package ai.litellm.spring.sample;

import java.util.List;
import java.util.stream.Stream;

import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.test.SampleAppFixture.SampleApp;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.PathMatchConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample app on Netty, with each way of plugging the guard in.
 */
enum WebFluxSampleApp implements SampleApp {

	WEB_FILTER("web-filter") {

		// Spring's HttpWebHandlerAdapter reads the path for its observation before any
		// WebFilter runs, and fails on it: its own 500, with or without the guard.
		@Override
		public int statusOfAPathThatEndsAPrefixInsideASegment() {
			return 500;
		}

	},

	HTTP_HANDLER("http-handler");

	private final String adapter;

	WebFluxSampleApp(String adapter) {
		this.adapter = adapter;
	}

	@Override
	public ConfigurableApplicationContext run(Class<?>[] sources, String... args) {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).sources(sources)
			.run(Stream.concat(Stream.of("--litellm.metrics-auth.adapter=" + this.adapter), Stream.of(args))
				.toArray(String[]::new));
		boolean guarded = app.getEnvironment().getProperty("litellm.require-auth-for-metrics-endpoint", Boolean.class);
		assertThat(app.getBeansOfType(MetricsAuthWebFilter.class)).hasSize((guarded && this == WEB_FILTER) ? 1 : 0);
		assertThat(app.getBeansOfType(HttpHandlerDecoratorFactory.class))
			.hasSize((guarded && this == HTTP_HANDLER) ? 1 : 0);
		return app;
	}

	@Override
	public Class<?> caseInsensitiveRouting() {
		return CaseInsensitiveMetrics.class;
	}

	@Override
	public List<Prefix> prefixes() {
		return List.of(new Prefix("/api", "spring.webflux.base-path=/api"));
	}

	/**
	 * Case-insensitive matching for annotated controllers, and one that serves the
	 * metrics.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class CaseInsensitiveMetrics implements WebFluxConfigurer {

		private final PrometheusMeterRegistry registry;

		CaseInsensitiveMetrics(PrometheusMeterRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void configurePathMatching(PathMatchConfigurer configurer) {
			configurer.setUseCaseSensitiveMatch(false);
		}

		@GetMapping("/metrics")
		String metrics() {
			return this.registry.scrape();
		}

	}

}
