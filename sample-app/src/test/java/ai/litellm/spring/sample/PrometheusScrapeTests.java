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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus server scrapes the sample application on loopback: with the right
 * key, sent as a Bearer token or as the Basic auth password, its targets are up; with a
 * wrong key, its target is down with a 401. Target health is read from Prometheus's own
 * HTTP API, as an operator would see it.
 * <p>
 * Needs a {@code prometheus} binary (see {@link PrometheusServer} for where it is looked
 * for) and fails, rather than skips, without one: run
 * {@code scripts/install-test-tools.sh} to install Debian's package. To see that failure
 * on a machine that has Prometheus, point the binary elsewhere, e.g.
 * {@code PROMETHEUS_BIN=/nonexistent ./mvnw -B -pl sample-app -am verify}.
 * <p>
 * Prometheus starts once for the class and scrapes every second; the tests wait (at most
 * a minute) until every target shows the expected health, so that one slow first scrape
 * on a busy machine does not fail the build, and then assert on what Prometheus reports.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "litellm.master-key=" + SampleAppScenarios.KEY)
@TestInstance(Lifecycle.PER_CLASS)
class PrometheusScrapeTests {

	private static final String WRONG_KEY = "sk-sample-wrong-key";

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

	private static final Map<String, String> EXPECTED_HEALTH = Map.of("bearer", "up", "basic", "up", "actuator-basic",
			"up", "wrong-key", "down");

	private static final Map<String, String> EXPECTED_UP = Map.of("bearer", "1", "basic", "1", "actuator-basic", "1",
			"wrong-key", "0");

	@LocalServerPort
	private int port;

	private @Nullable PrometheusServer prometheus;

	private Map<String, Map<String, Object>> targets = Map.of();

	@RegisterExtension
	final TestExecutionExceptionHandler prometheusOutputOnFailure = (context, failure) -> {
		throw (this.prometheus != null) ? this.prometheus.failure(String.valueOf(failure.getMessage()), failure)
				: failure;
	};

	@BeforeAll
	void startPrometheusAndWaitForItsTargetsToSettle(@TempDir Path directory) throws Exception {
		this.prometheus = PrometheusServer.start(directory, configuration());
		DocumentContext answer = this.prometheus.await("/api/v1/targets",
				(targets) -> healthByJob(targets).equals(EXPECTED_HEALTH), SETTLE_TIMEOUT);
		this.targets = targetsByJob(answer);
	}

	@AfterAll
	void stopPrometheus() throws InterruptedException {
		if (this.prometheus != null) {
			this.prometheus.close();
		}
	}

	@Test
	void scrapesMetricsWithTheKeyAsABearerToken() {
		assertUp("bearer");
	}

	@Test
	void scrapesMetricsWithTheKeyAsTheBasicAuthPassword() {
		assertUp("basic");
	}

	@Test
	void scrapesTheActuatorPrometheusEndpointWithTheKeyAsTheBasicAuthPassword() {
		assertUp("actuator-basic");
	}

	@Test
	void marksTheTargetDownWithA401WhenTheKeyIsWrong() {
		Map<String, Object> target = target("wrong-key");
		assertThat(target.get("health")).as("health of %s", target).isEqualTo("down");
		assertThat(target.get("lastError")).as("last error of %s", target).asString().contains("401");
	}

	@Test
	void recordsUpAsOneForTheRightKeyAndZeroForAWrongOne() throws InterruptedException {
		assertThat(this.prometheus).isNotNull();
		DocumentContext answer = this.prometheus.await("/api/v1/query?query=up",
				(result) -> upByJob(result).equals(EXPECTED_UP), SETTLE_TIMEOUT);
		assertThat(upByJob(answer)).as("up by job in %s", answer).isEqualTo(EXPECTED_UP);
	}

	private void assertUp(String job) {
		Map<String, Object> target = target(job);
		assertThat(target.get("health")).as("health of %s", target).isEqualTo("up");
		assertThat(target.get("lastError")).as("last error of %s", target).asString().isEmpty();
	}

	private Map<String, Object> target(String job) {
		assertThat(this.targets).as("Prometheus's targets").containsKey(job);
		return this.targets.get(job);
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
				    static_configs: [{targets: ['%3$s']}]
				  - job_name: basic
				    metrics_path: /metrics
				    basic_auth: {username: prometheus, password: '%1$s'}
				    static_configs: [{targets: ['%3$s']}]
				  - job_name: actuator-basic
				    metrics_path: /actuator/prometheus
				    basic_auth: {username: prometheus, password: '%1$s'}
				    static_configs: [{targets: ['%3$s']}]
				  - job_name: wrong-key
				    metrics_path: /metrics
				    authorization: {type: Bearer, credentials: '%2$s'}
				    static_configs: [{targets: ['%3$s']}]
				""".formatted(SampleAppScenarios.KEY, WRONG_KEY, "127.0.0.1:" + this.port);
	}

	private static Map<String, Map<String, Object>> targetsByJob(DocumentContext answer) {
		Map<String, Map<String, Object>> targets = new TreeMap<>();
		List<Map<String, Object>> active = answer.read("$.data.activeTargets[*]");
		for (Map<String, Object> target : active) {
			targets.put(JsonPath.read(target, "$.labels.job"), target);
		}
		return targets;
	}

	private static Map<String, String> healthByJob(DocumentContext answer) {
		Map<String, String> health = new TreeMap<>();
		targetsByJob(answer).forEach((job, target) -> health.put(job, String.valueOf(target.get("health"))));
		return health;
	}

	private static Map<String, String> upByJob(DocumentContext answer) {
		Map<String, String> up = new TreeMap<>();
		List<Map<String, Object>> samples = answer.read("$.data.result[*]");
		for (Map<String, Object> sample : samples) {
			up.put(JsonPath.read(sample, "$.metric.job"), JsonPath.read(sample, "$.value[1]"));
		}
		return up;
	}

}
