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

import java.util.List;

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.RouterSurvey;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The metrics with an extension ({@code /metrics.txt}), which Spring MVC's legacy suffix
 * pattern matching routes to the handler of {@code /metrics}: with
 * {@code setUseSuffixPatternMatch(true)} and the Ant path matcher, Spring Boot 3.5 served
 * them without a key.
 */
class SuffixPatternMatchTests {

	private static final String KEY = ServletSampleAppScenarios.KEY;

	private static final List<String> WITH_EXTENSIONS = List.of("/metrics.txt", "/metrics.json", "/metrics.x",
			"/%6Detrics.txt", "/metrics.txt;a=b");

	@Test
	void guardsWhatSuffixPatternMatchingRoutesToTheMetrics() {
		try (ConfigurableApplicationContext app = ServletContainer.TOMCAT.run(
				new Class<?>[] { RoutingSettings.AnnotatedMetrics.class, RoutingSettings.SuffixPatterns.class },
				"--server.port=0", "--spring.main.banner-mode=off", "--litellm.master-key=" + KEY,
				RoutingSettings.ANT_PATH_MATCHER)) {
			RawHttpClient http = new RawHttpClient(ServletContainer.port(app));
			for (String target : WITH_EXTENSIONS) {
				RawResponse withoutKey = http.send("GET", target);
				assertThat(withoutKey.status()).as(target).isIn(401, 404);
				assertThat(RouterSurvey.isMetrics(withoutKey)).as(target).isFalse();
			}
			assumeTrue(RoutingSettings.hasSuffixPatternMatch(),
					"Spring MVC has no suffix pattern matching (removed in Spring Framework 7)");
			for (String target : WITH_EXTENSIONS) {
				assertThat(http.send("GET", target).status()).as(target).isEqualTo(401);
				RawResponse withKey = http.send("GET", target, "Authorization: Bearer " + KEY);
				assertThat(RouterSurvey.isMetrics(withKey)).as("%s with the key", target).isTrue();
			}
		}
	}

	@Test
	void guardsMetricsThatAnApplicationMapsWithAnExtension() {
		try (ConfigurableApplicationContext app = ServletContainer.TOMCAT.run(
				new Class<?>[] { MetricsWithAnExtension.class }, "--server.port=0", "--spring.main.banner-mode=off",
				"--litellm.master-key=" + KEY)) {
			RawHttpClient http = new RawHttpClient(ServletContainer.port(app));
			for (String target : WITH_EXTENSIONS) {
				RawResponse withoutKey = http.send("GET", target);
				assertThat(withoutKey.status()).as(target).isEqualTo(401);
				assertThat(RouterSurvey.isMetrics(withoutKey)).as(target).isFalse();
				RawResponse withKey = http.send("GET", target, "Authorization: Bearer " + KEY);
				assertThat(RouterSurvey.isMetrics(withKey)).as("%s with the key", target).isTrue();
			}
		}
	}

	/**
	 * The metrics with any extension, as an application may map them itself on every
	 * generation: what suffix pattern matching did for it.
	 */
	@RestController
	@TestComponent
	static class MetricsWithAnExtension {

		private final PrometheusMeterRegistry registry;

		MetricsWithAnExtension(PrometheusMeterRegistry registry) {
			this.registry = registry;
		}

		@GetMapping(path = "/metrics.{extension}", produces = "text/plain;version=0.0.4;charset=utf-8")
		String metrics() {
			return this.registry.scrape();
		}

	}

}
