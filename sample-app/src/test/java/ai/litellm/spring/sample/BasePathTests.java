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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard follows the application's base path ({@code spring.webflux.base-path}).
 */
class BasePathTests {

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "litellm.master-key=" + SampleAppScenarios.KEY, "spring.webflux.base-path=/api" })
	abstract static class Scenarios extends SampleAppScenarios {

		@Test
		void guardsMetricsBelowTheBasePath() {
			RawHttpClient http = raw();
			assertThat(http.send("GET", "/api/metrics").status()).isEqualTo(401);
			assertThat(http.send("GET", "/api/%6Detrics;v=1").status()).isEqualTo(401);
			assertThat(http.send("GET", "/api/actuator/prometheus").status()).isEqualTo(401);
			RawResponse served = http.send("GET", "/api/metrics", "Authorization: Bearer " + SampleAppScenarios.KEY);
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.body()).contains("# TYPE jvm_");
		}

		@Test
		void neverServesMetricsWhenTheBasePathCarriesMatrixParameters() {
			// Below the base path, Spring cannot parse such a path: the HttpHandler
			// decorator, first to see it, guards it (401); with the WebFilter, Spring's
			// own observation fails on it before any filter runs (500, for every path).
			RawResponse response = raw().send("GET", "/api;x=y/metrics");
			assertThat(response.status()).isEqualTo("http-handler".equals(this.adapter) ? 401 : 500);
			assertThat(response.body()).doesNotContain("# TYPE");
		}

		@Test
		void leavesOtherPathsBelowTheBasePathOpen() {
			RawHttpClient http = raw();
			assertThat(http.send("GET", "/api/health").body()).isEqualTo("ok");
			assertThat(http.send("GET", "/metrics").status()).as("nothing is served outside the base path")
				.isEqualTo(404);
		}

	}

}
