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

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that routes case-insensitively serves {@code /METRICS} as
 * {@code /metrics}; the guard must ask for a key there too.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
@Import(CaseInsensitiveRoutingTests.CaseInsensitiveMetrics.class)
class CaseInsensitiveRoutingTests extends ServletSampleAppScenarios {

	private static final String[] SPELLINGS = { "/METRICS", "/Metrics", "/mEtRiCs", "/%4Detrics", "/METRICS;x=y" };

	@Test
	void theRouterServesEveryCaseOfMetricsWithoutTheGuard() {
		try (ConfigurableApplicationContext open = ServletContainer.TOMCAT.run(
				new Class<?>[] { CaseInsensitiveMetrics.class }, "--server.port=0",
				"--litellm.require-auth-for-metrics-endpoint=false", "--spring.main.banner-mode=off")) {
			RawHttpClient client = new RawHttpClient(ServletContainer.port(open));
			for (String target : SPELLINGS) {
				assertThat(client.send("GET", target).body()).as(target).contains("# TYPE jvm_");
			}
		}
	}

	@Test
	void asksForAKeyOnEveryCaseOfMetrics() {
		for (String target : SPELLINGS) {
			RawResponse rejected = raw().send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("# TYPE");
			RawResponse served = raw().send("GET", target, "Authorization: Bearer " + KEY);
			assertThat(served.status()).as(target).isEqualTo(200);
			assertThat(served.body()).as(target).contains("# TYPE jvm_");
		}
	}

	/**
	 * Case-insensitive matching for annotated controllers, and one that serves the
	 * metrics. Spring MVC's {@code PathMatchConfigurer} has no
	 * {@code setUseCaseSensitiveMatch} (WebFlux's has, in Spring Framework 6.2 and 7.0
	 * alike), so the path pattern parser is replaced by a case-insensitive one instead.
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
