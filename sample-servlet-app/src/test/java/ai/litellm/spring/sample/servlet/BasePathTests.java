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
import java.util.Set;

import ai.litellm.spring.test.MetricsPathSpellings;
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.RouterSurvey;
import ai.litellm.spring.test.RouterSurvey.Request;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard follows the servlet application's prefixes: its context path
 * ({@code server.servlet.context-path}), the path {@code DispatcherServlet} is mapped to
 * ({@code spring.mvc.servlet.path}), and both together. These replace the WebFlux
 * sample's single base path ({@code spring.webflux.base-path}).
 * <p>
 * Besides a few plain checks, each prefix is surveyed: the metrics paths below it, spelt
 * every way {@link MetricsPathSpellings#withServletSpellings(List)} knows, are sent to
 * the same app without the guard and then to the guarded one, which must reject every
 * request the unguarded one serves as metrics.
 *
 * @author LiteLLM Spring Boot contributors
 */
class BasePathTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { ServletSampleAppScenarios.TOMCAT,
			"litellm.master-key=" + ServletSampleAppScenarios.KEY, Scenarios.CONTEXT_PATH })
	class WithAContextPath extends Scenarios {

		WithAContextPath() {
			super("/api", CONTEXT_PATH);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { ServletSampleAppScenarios.TOMCAT,
			"litellm.master-key=" + ServletSampleAppScenarios.KEY, Scenarios.SERVLET_PATH })
	class WithAServletPath extends Scenarios {

		WithAServletPath() {
			super("/app", SERVLET_PATH);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { ServletSampleAppScenarios.TOMCAT,
			"litellm.master-key=" + ServletSampleAppScenarios.KEY, Scenarios.CONTEXT_PATH, Scenarios.SERVLET_PATH })
	class WithAContextPathAndAServletPath extends Scenarios {

		WithAContextPathAndAServletPath() {
			super("/api/app", Scenarios.CONTEXT_PATH, SERVLET_PATH);
		}

	}

	abstract static class Scenarios extends ServletSampleAppScenarios {

		static final String CONTEXT_PATH = "server.servlet.context-path=/api";

		static final String SERVLET_PATH = "spring.mvc.servlet.path=/app";

		private final String prefix;

		private final String[] prefixProperties;

		Scenarios(String prefix, String... prefixProperties) {
			this.prefix = prefix;
			this.prefixProperties = prefixProperties;
		}

		@Test
		void guardsMetricsBelowThePrefix() {
			RawHttpClient http = raw();
			for (String target : new String[] { "/metrics", "/%6Detrics;v=1", "/metrics;x=y", "/actuator/prometheus",
					"/actuator/%70rometheus", "/actuator;x=y/prometheus" }) {
				RawResponse rejected = http.send("GET", this.prefix + target);
				assertThat(rejected.status()).as(this.prefix + target).isEqualTo(401);
				assertThat(rejected.body()).doesNotContain("# TYPE");
			}
			for (String target : new String[] { "/metrics", "/actuator/prometheus" }) {
				RawResponse served = http.send("GET", this.prefix + target, "Authorization: Bearer " + KEY);
				assertThat(served.status()).as(this.prefix + target).isEqualTo(200);
				assertThat(served.body()).contains("# TYPE jvm_");
			}
		}

		@Test
		void leavesOtherPathsBelowThePrefixOpen() {
			RawHttpClient http = raw();
			assertThat(http.send("GET", this.prefix + "/health").body()).isEqualTo("ok");
			assertThat(http.send("GET", this.prefix + "/actuator/health").status()).isEqualTo(200);
			assertThat(http.send("GET", "/metrics").status()).as("nothing is served outside the prefix").isEqualTo(404);
		}

		@Test
		void rejectsEverySpellingTheUnguardedAppServesAsMetrics() {
			Set<String> spellings = MetricsPathSpellings
				.withServletSpellings(List.of(this.prefix + "/metrics", this.prefix + "/actuator/prometheus"));
			RouterSurvey unguarded = surveyWithoutTheGuard(spellings);
			assertThat(unguarded.servedAsMetrics()).as("served as metrics without the guard")
				.contains(new Request("GET", this.prefix + "/metrics"),
						new Request("GET", this.prefix + "/actuator/prometheus"));
			RouterSurvey guarded = RouterSurvey.take(this.port, spellings);
			assertThat(guarded.servedAsMetrics()).as("served as metrics by the guarded app").isEmpty();
			// Spring MVC itself fails some spellings of the prefix with a 500 (such as
			// //api/metrics: "Invalid contextPath"), with or without the guard; the guard
			// must add none.
			assertThat(guarded.serverErrors()).as("answered by the guarded app only with a 5xx or not at all")
				.isSubsetOf(unguarded.serverErrors());
			assertThat(unguarded.servedAsMetrics()).as("answered 401 by the guarded app")
				.allSatisfy((request) -> assertThat(guarded.status(request)).as(request.toString()).isEqualTo(401));
		}

		private RouterSurvey surveyWithoutTheGuard(Set<String> spellings) {
			String[] args = new String[this.prefixProperties.length + 3];
			args[0] = "--server.port=0";
			args[1] = "--litellm.require-auth-for-metrics-endpoint=false";
			args[2] = "--spring.main.banner-mode=off";
			for (int i = 0; i < this.prefixProperties.length; i++) {
				args[i + 3] = "--" + this.prefixProperties[i];
			}
			try (ConfigurableApplicationContext open = ServletContainer.TOMCAT.run(args)) {
				RouterSurvey survey = RouterSurvey.take(ServletContainer.port(open), spellings);
				System.out.print(survey.report("Tomcat without the guard, prefix " + this.prefix));
				return survey;
			}
		}

	}

}
