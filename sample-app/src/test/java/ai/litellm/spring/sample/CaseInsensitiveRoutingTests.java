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

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.PathMatchConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that routes case-insensitively serves {@code /METRICS} as
 * {@code /metrics}; the guard must ask for a key there too.
 */
class CaseInsensitiveRoutingTests {

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "litellm.master-key=" + SampleAppScenarios.KEY)
	@Import(CaseInsensitiveMetrics.class)
	abstract static class Scenarios extends SampleAppScenarios {

		private static final String[] SPELLINGS = { "/METRICS", "/Metrics", "/mEtRiCs", "/%4Detrics", "/METRICS;x=y" };

		@Test
		void theRouterServesEveryCaseOfMetricsWithoutTheGuard() {
			try (ConfigurableApplicationContext open = new SpringApplicationBuilder(SampleApplication.class,
					CaseInsensitiveMetrics.class)
				.run("--server.port=0", "--litellm.require-auth-for-metrics-endpoint=false",
						"--spring.main.banner-mode=off")) {
				RawHttpClient client = new RawHttpClient(
						open.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
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
				RawResponse served = raw().send("GET", target, "Authorization: Bearer " + SampleAppScenarios.KEY);
				assertThat(served.status()).as(target).isEqualTo(200);
			}
		}

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
