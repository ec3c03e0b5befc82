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

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.litellm.spring.test.PrometheusServer;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus server scrapes the guarded servlet sample app on Tomcat and on Jetty
 * on loopback: with the right key, sent as a Bearer token or as the Basic auth password,
 * its targets are up; with a wrong key, its target is down with a 401. Target health is
 * read from Prometheus's own HTTP API, as an operator would see it.
 * <p>
 * Needs a {@code prometheus} binary (see {@link PrometheusServer} for where it is looked
 * for) and fails, rather than skips, without one: run
 * {@code scripts/install-test-tools.sh} to install Debian's package.
 * <p>
 * One Prometheus scrapes both apps every second, each job's targets labelled with their
 * container; the tests wait (at most a minute) until every target shows the expected
 * health, so that one slow first scrape on a busy machine does not fail the build, and
 * then assert on what Prometheus reports.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ServletPrometheusScrapeTests {

	private static final String WRONG_KEY = "sk-sample-wrong-key";

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

	private static final Map<String, String> HEALTH_BY_JOB = Map.of("bearer", "up", "basic", "up", "actuator-basic",
			"up", "wrong-key", "down");

	private final Map<ServletContainer, ConfigurableApplicationContext> apps = new EnumMap<>(ServletContainer.class);

	private @Nullable PrometheusServer prometheus;

	private Map<String, Map<String, Object>> targets = Map.of();

	@RegisterExtension
	final TestExecutionExceptionHandler prometheusOutputOnFailure = (context, failure) -> {
		throw (this.prometheus != null) ? this.prometheus.failure(String.valueOf(failure.getMessage()), failure)
				: failure;
	};

	@BeforeAll
	void startTheAppOnEveryContainerAndPrometheus(@TempDir Path directory) throws Exception {
		for (ServletContainer container : ServletContainer.values()) {
			this.apps.put(container,
					container.run("--server.port=0", "--litellm.require-auth-for-metrics-endpoint=true",
							"--litellm.master-key=" + ServletSampleAppScenarios.KEY, "--spring.main.banner-mode=off"));
		}
		this.prometheus = PrometheusServer.start(directory, configuration());
		DocumentContext answer = this.prometheus.await("/api/v1/targets",
				(targets) -> healthByTarget(targets).equals(expected(HEALTH_BY_JOB)), SETTLE_TIMEOUT);
		this.targets = targetsByJobAndContainer(answer);
	}

	@AfterAll
	void stopPrometheusAndTheApps() throws InterruptedException {
		if (this.prometheus != null) {
			this.prometheus.close();
		}
		this.apps.values().forEach(ConfigurableApplicationContext::close);
	}

	@ParameterizedTest
	@EnumSource
	void scrapesMetricsWithTheKeyAsABearerToken(ServletContainer container) {
		assertUp("bearer", container);
	}

	@ParameterizedTest
	@EnumSource
	void scrapesMetricsWithTheKeyAsTheBasicAuthPassword(ServletContainer container) {
		assertUp("basic", container);
	}

	@ParameterizedTest
	@EnumSource
	void scrapesTheActuatorPrometheusEndpointWithTheKeyAsTheBasicAuthPassword(ServletContainer container) {
		assertUp("actuator-basic", container);
	}

	@ParameterizedTest
	@EnumSource
	void marksTheTargetDownWithA401WhenTheKeyIsWrong(ServletContainer container) {
		Map<String, Object> target = target("wrong-key", container);
		assertThat(target.get("health")).as("health of %s", target).isEqualTo("down");
		assertThat(target.get("lastError")).as("last error of %s", target).asString().contains("401");
	}

	@Test
	void recordsUpAsOneForTheRightKeyAndZeroForAWrongOneOnEveryContainer() throws InterruptedException {
		assertThat(this.prometheus).isNotNull();
		Map<String, String> expected = expected(
				Map.of("bearer", "1", "basic", "1", "actuator-basic", "1", "wrong-key", "0"));
		DocumentContext answer = this.prometheus.await("/api/v1/query?query=up",
				(result) -> upByTarget(result).equals(expected), SETTLE_TIMEOUT);
		assertThat(upByTarget(answer)).as("up by job and container in %s", answer).isEqualTo(expected);
	}

	private void assertUp(String job, ServletContainer container) {
		Map<String, Object> target = target(job, container);
		assertThat(target.get("health")).as("health of %s", target).isEqualTo("up");
		assertThat(target.get("lastError")).as("last error of %s", target).asString().isEmpty();
	}

	private Map<String, Object> target(String job, ServletContainer container) {
		String key = key(job, label(container));
		assertThat(this.targets).as("Prometheus's targets").containsKey(key);
		return this.targets.get(key);
	}

	private String configuration() {
		return """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				scrape_configs:
				  - job_name: bearer
				    metrics_path: /metrics
				    authorization: {type: Bearer, credentials: '%1$s'}
				    static_configs: %3$s
				  - job_name: basic
				    metrics_path: /metrics
				    basic_auth: {username: prometheus, password: '%1$s'}
				    static_configs: %3$s
				  - job_name: actuator-basic
				    metrics_path: /actuator/prometheus
				    basic_auth: {username: prometheus, password: '%1$s'}
				    static_configs: %3$s
				  - job_name: wrong-key
				    metrics_path: /metrics
				    authorization: {type: Bearer, credentials: '%2$s'}
				    static_configs: %3$s
				""".formatted(ServletSampleAppScenarios.KEY, WRONG_KEY, staticConfigs());
	}

	private String staticConfigs() {
		return this.apps.entrySet()
			.stream()
			.map((app) -> "{targets: ['127.0.0.1:%d'], labels: {container: %s}}"
				.formatted(ServletContainer.port(app.getValue()), label(app.getKey())))
			.toList()
			.toString();
	}

	private static Map<String, String> expected(Map<String, String> byJob) {
		Map<String, String> expected = new TreeMap<>();
		byJob.forEach((job, value) -> {
			for (ServletContainer container : ServletContainer.values()) {
				expected.put(key(job, label(container)), value);
			}
		});
		return expected;
	}

	private static String label(ServletContainer container) {
		return container.name().toLowerCase(Locale.ROOT);
	}

	private static String key(String job, String container) {
		return job + " on " + container;
	}

	private static Map<String, Map<String, Object>> targetsByJobAndContainer(DocumentContext answer) {
		Map<String, Map<String, Object>> targets = new TreeMap<>();
		List<Map<String, Object>> active = answer.read("$.data.activeTargets[*]");
		for (Map<String, Object> target : active) {
			targets.put(key(JsonPath.read(target, "$.labels.job"), JsonPath.read(target, "$.labels.container")),
					target);
		}
		return targets;
	}

	private static Map<String, String> healthByTarget(DocumentContext answer) {
		Map<String, String> health = new TreeMap<>();
		targetsByJobAndContainer(answer)
			.forEach((target, details) -> health.put(target, String.valueOf(details.get("health"))));
		return health;
	}

	private static Map<String, String> upByTarget(DocumentContext answer) {
		Map<String, String> up = new TreeMap<>();
		List<Map<String, Object>> samples = answer.read("$.data.result[*]");
		for (Map<String, Object> sample : samples) {
			up.put(key(JsonPath.read(sample, "$.metric.job"), JsonPath.read(sample, "$.metric.container")),
					JsonPath.read(sample, "$.value[1]"));
		}
		return up;
	}

}
