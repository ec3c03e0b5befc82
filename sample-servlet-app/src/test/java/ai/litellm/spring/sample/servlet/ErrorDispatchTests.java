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

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails is dispatched by the servlet container to the error page
 * ({@code spring.web.error.path}, {@code server.error.path} before Spring Boot 4): an
 * ERROR dispatch.
 *
 * @author LiteLLM Spring Boot contributors
 */
class ErrorDispatchTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
	@Import(Failing.class)
	class WithTheDefaultErrorPage extends ServletSampleAppScenarios {

		@Test
		void answersAFailedRequestWithTheErrorPageAndNeverTheMetrics() {
			for (String[] headers : new String[][] { {}, { "Authorization: Bearer " + KEY } }) {
				RawResponse failed = raw().send("GET", "/fail", headers);
				assertThat(failed.status()).isEqualTo(500);
				assertThat(failed.body()).contains("\"path\":\"/fail\"").doesNotContain("# TYPE");
			}
		}

		@Test
		void answersAFailedMetricsRequestWithTheErrorPageOnlyWithTheKey() {
			RawResponse rejected = raw().send("GET", "/metrics/fail");
			assertThat(rejected.status()).isEqualTo(401);
			RawResponse failed = raw().send("GET", "/metrics/fail", "Authorization: Bearer " + KEY);
			assertThat(failed.status()).isEqualTo(500);
			assertThat(failed.body()).contains("\"path\":\"/metrics/fail\"").doesNotContain("# TYPE");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			// Spring Boot 4 renamed server.error.path to spring.web.error.path.
			properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY,
					"server.error.path=/metrics/error", "spring.web.error.path=/metrics/error" })
	@Import(Failing.class)
	class WithTheErrorPageBelowMetrics extends ServletSampleAppScenarios {

		@Test
		void asksForAKeyOnTheErrorDispatch() {
			RawResponse rejected = raw().send("GET", "/fail");
			assertThat(rejected.status()).as(rejected::toString).isEqualTo(401);
			assertThat(rejected.body()).contains("\"type\":\"auth_error\"").doesNotContain("\"path\":\"/fail\"");
			RawResponse failed = raw().send("GET", "/fail", "Authorization: Bearer " + KEY);
			assertThat(failed.status()).isEqualTo(500);
			assertThat(failed.body()).contains("\"path\":\"/fail\"");
		}

		@Test
		void asksForAKeyOnTheErrorDispatchOfANotFound() {
			assertThat(raw().send("GET", "/nowhere").status()).isEqualTo(401);
			RawResponse notFound = raw().send("GET", "/nowhere", "Authorization: Bearer " + KEY);
			assertThat(notFound.status()).isEqualTo(404);
			assertThat(notFound.body()).contains("\"path\":\"/nowhere\"");
		}

	}

	/**
	 * Handlers that fail, on an open path and below the metrics path.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class Failing {

		@GetMapping({ "/fail", "/metrics/fail" })
		String fail() {
			throw new IllegalStateException("Failed on purpose");
		}

	}

}
