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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.litellm.spring.test.MetricsPathSpellings;
import ai.litellm.spring.test.RouterSurvey;
import ai.litellm.spring.test.RouterSurvey.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet router's baseline for the guard: the reactive router-equivalence tests'
 * spellings of the metrics paths, plus those servlet containers treat specially, are sent
 * byte for byte with every method to the sample app without the guard, on Tomcat and on
 * Jetty, to record which ones each container serves as metrics.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ServletRouterSpellingsTests {

	static final Set<String> SPELLINGS = MetricsPathSpellings
		.withServletSpellings(MetricsPathSpellings.SAMPLE_APP_PATHS);

	private final Map<ServletContainer, RouterSurvey> surveys = new EnumMap<>(ServletContainer.class);

	static RouterSurvey survey(int port) {
		return RouterSurvey.take(port, SPELLINGS);
	}

	@BeforeAll
	void surveyTheAppWithoutTheGuardOnEveryContainer() {
		for (ServletContainer container : ServletContainer.values()) {
			try (ConfigurableApplicationContext app = container.run("--server.port=0",
					"--litellm.require-auth-for-metrics-endpoint=false", "--spring.main.banner-mode=off")) {
				RouterSurvey survey = survey(ServletContainer.port(app));
				this.surveys.put(container, survey);
				System.out.print(survey.report(container.name()));
			}
		}
		for (ServletContainer container : ServletContainer.values()) {
			List<Request> only = servedOnlyBy(container);
			System.out.printf("Served as metrics by %s only: %d%n", container, only.size());
			only.forEach((request) -> System.out.println("  " + request));
		}
	}

	@ParameterizedTest
	@EnumSource
	void servesTheMetricsPathsInTheirPlainAndRouterEquivalentSpellings(ServletContainer container) {
		assertThat(survey(container).servedAsMetrics()).contains(new Request("GET", "/metrics"),
				new Request("GET", "/%6Detrics"), new Request("GET", "/metrics;a=b"),
				new Request("GET", "/actuator/prometheus"), new Request("GET", "/actuator;a=b/prometheus"),
				new Request("GET", "/actuator/%70rometheus"), new Request("HEAD", "/actuator/prometheus"));
	}

	@ParameterizedTest
	@EnumSource
	void servesManySpellingsAsMetrics(ServletContainer container) {
		assertThat(SPELLINGS).hasSizeGreaterThan(150);
		assertThat(survey(container).servedAsMetrics()).hasSizeGreaterThan(50);
	}

	@ParameterizedTest
	@EnumSource
	void answersEverySpellingWithoutAServerError(ServletContainer container) {
		assertThat(survey(container).serverErrors()).as("requests answered with a 5xx or not at all").isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void servesMetricsOnlyToGetAndHead(ServletContainer container) {
		assertThat(survey(container).servedAsMetrics()).extracting(Request::method).containsOnly("GET", "HEAD");
	}

	@ParameterizedTest
	@EnumSource
	void servesNeitherATrailingSlashNorAnotherCaseNorASubPathAsMetrics(ServletContainer container) {
		assertThat(survey(container).servedAsMetrics()).extracting(Request::target)
			.doesNotContain("/metrics/", "/METRICS", "/metrics/x", "/actuator/prometheus/", "/actuator/PROMETHEUS",
					"/actuator/prometheus/x");
	}

	private RouterSurvey survey(ServletContainer container) {
		RouterSurvey survey = this.surveys.get(container);
		assertThat(survey).as("survey of %s", container).isNotNull();
		return survey;
	}

	private List<Request> servedOnlyBy(ServletContainer container) {
		List<Request> only = new ArrayList<>(survey(container).servedAsMetrics());
		for (ServletContainer other : ServletContainer.values()) {
			if (other != container) {
				only.removeAll(survey(other).servedAsMetrics());
			}
		}
		return only;
	}

}
