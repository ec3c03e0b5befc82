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

import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.litellm.spring.test.PrometheusServer;
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.SampleAppFixture;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts and the dashboard of {@code monitoring/} against a real Prometheus that
 * scrapes the sample app with the key of a key file, as an operator would run them: every
 * rule loads and evaluates, requests with a wrong key put the rejection alert in pending,
 * every dashboard query returns data, every series the guard emits is in a panel, and
 * every guard series that the rules and their promtool unit tests name is one the
 * application emits.
 */
class MonitoringTests extends SampleAppFixture {

	private static final String JOB = "litellm-sample";

	private static final String SCRAPER_KEY_NAME = "prometheus-2026-12";

	private static final String SCRAPER_KEY = "sk-sample-monitoring-Pq38-key";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Path MONITORING = Path.of(System.getProperty("litellm.monitoring.dir", "../monitoring"))
		.toAbsolutePath()
		.normalize();

	private static final Path RULES = MONITORING.resolve("litellm-metrics-auth-alerts.yaml");

	private static final Path DASHBOARD = MONITORING.resolve("litellm-metrics-auth-dashboard.json");

	private static final Pattern SELECTOR = Pattern.compile("(litellm_[a-zA-Z0-9_:]*)\\s*(?:\\{([^}]*)\\})?");

	private static final Pattern MATCHER = Pattern
		.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

	private int port;

	private @Nullable PrometheusServer prometheus;

	@RegisterExtension
	final TestExecutionExceptionHandler prometheusOutputOnFailure = (context, failure) -> {
		throw (this.prometheus != null) ? this.prometheus.failure(String.valueOf(failure.getMessage()), failure)
				: failure;
	};

	MonitoringTests() {
		super(WebFluxSampleApp.WEB_FILTER);
	}

	@BeforeAll
	void startPrometheusAndSendRequestsWithAWrongKey(@TempDir Path directory) throws Exception {
		assertThat(RULES).as("the monitoring folder (litellm.monitoring.dir)").isRegularFile();
		Path keyFiles = Files.createDirectory(directory.resolve("keys"));
		Files.writeString(keyFiles.resolve(SCRAPER_KEY_NAME), SCRAPER_KEY + "\n");
		this.port = port(guarded("litellm.metrics-auth.key-files=" + keyFiles));
		this.prometheus = PrometheusServer.start(directory, configuration());
		// Registered at 0 at startup. Sampled before the wrong keys below, they then
		// show as an increase.
		awaitData("litellm_metrics_auth_total{job=\"%s\", outcome=\"rejected\", reason=\"invalid_key\"} == 0"
			.formatted(JOB));
		RawHttpClient client = new RawHttpClient(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(client.send("GET", "/metrics", "Authorization: Bearer sk-sample-wrong-key").status())
				.isEqualTo(401);
		}
		// Registered at 0 when the keys were read, so counted from the scraper's first
		// request on; rate() needs two samples.
		awaitData("rate(litellm_metrics_auth_total{job=\"%s\", outcome=\"accepted\", key=\"%s\"}[1m]) > 0"
			.formatted(JOB, SCRAPER_KEY_NAME));
	}

	@AfterAll
	void stopPrometheus() throws InterruptedException {
		if (this.prometheus != null) {
			this.prometheus.close();
		}
	}

	// The registry's side is MetricsAuthAutoConfigurationTests'.
	@Test
	void exportsTheAcceptedSeriesOfAKeyNobodyUsesAtZero() throws Exception {
		awaitData("litellm_metrics_auth_total{job=\"%s\", outcome=\"accepted\", reason=\"none\", key=\"%s\"} == 0"
			.formatted(JOB, "master"));
	}

	@Test
	void loadsAndEvaluatesEveryAlertRule() throws Exception {
		Map<String, List<String>> expected = namesByGroup(yaml(RULES).get("groups"), "alert");
		DocumentContext answer = prometheus().await("/api/v1/rules",
				(rules) -> loaded(rules).equals(expected) && health(rules).equals(Set.of("ok")), TIMEOUT);
		assertThat(loaded(answer)).as("rules loaded").isEqualTo(expected);
		assertThat(health(answer)).as("health of the rules in %s", answer.jsonString()).containsExactly("ok");
	}

	@Test
	void putsTheRejectionAlertInPendingAfterRequestsWithAWrongKey() throws Exception {
		DocumentContext answer = prometheus().await("/api/v1/alerts",
				(alerts) -> !alerts.read("$.data.alerts", List.class).isEmpty(), TIMEOUT);
		assertThat(answer.read("$.data.alerts", List.class)).as("active alerts").hasSize(1);
		Map<String, String> labels = answer.read("$.data.alerts[0].labels");
		Map<String, String> annotations = answer.read("$.data.alerts[0].annotations");
		assertThat(answer.read("$.data.alerts[0].state", String.class)).isEqualTo("pending");
		assertThat(labels).isEqualTo(Map.of("alertname", "LiteLLMMetricsScrapesRejected", "severity", "warning", "job",
				JOB, "instance", instance(), "reason", "invalid_key"));
		assertThat(annotations).containsEntry("summary", "Requests to the metrics endpoint keep being rejected.")
			.containsEntry("runbook_url",
					"https://github.com/litellm-spring/litellm-spring-boot/blob/main/"
							+ "monitoring/runbook.md#litellmmetricsscrapesrejected")
			.hasEntrySatisfying("description",
					(description) -> assertThat(description).startsWith(instance() + " (job " + JOB + ") rejected ")
						.contains("with reason invalid_key"));
	}

	@Test
	void everyDashboardQueryReturnsDataFromTheRealScrape() throws Exception {
		for (String expression : dashboardQueries()) {
			DocumentContext answer = answer("/api/v1/query?query=" + encode(expression));
			assertThat(answer.read("$.data.result", List.class)).as("result of %s", expression).isNotEmpty();
		}
		Map<String, String> expectedValues = Map.of("job", JOB, "instance", instance());
		List<Map<String, Object>> variables = dashboard().read("$.templating.list[?(@.type == 'query')]");
		for (Map<String, Object> variable : variables) {
			Matcher labelValues = LABEL_VALUES.matcher(substitute((String) variable.get("query")));
			assertThat(labelValues.matches()).as("query of variable %s", variable.get("name")).isTrue();
			Set<String> values = new TreeSet<>();
			series(labelValues.group(1)).forEach((series) -> values.add(series.get(labelValues.group(2))));
			assertThat(values).as("values of variable %s", variable.get("name"))
				.contains(expectedValues.get(variable.get("name")));
		}
	}

	@Test
	void everySeriesTheGuardEmitsIsInAPanel() throws Exception {
		Set<Map<String, String>> emitted = new HashSet<>(series("{__name__=~\"litellm_.+\", job=\"" + JOB + "\"}"));
		assertThat(emitted).extracting((series) -> series.get("__name__"))
			.contains("litellm_metrics_auth_total", "litellm_metrics_auth_key_files_usable",
					"litellm_metrics_auth_key_files_failures_total",
					"litellm_metrics_auth_key_files_last_usable_seconds");
		Set<Map<String, String>> inPanels = new HashSet<>();
		for (String expression : dashboardQueries()) {
			for (String selector : selectors(expression, null)) {
				inPanels.addAll(series(selector));
			}
		}
		Set<Map<String, String>> missing = new HashSet<>(emitted);
		missing.removeAll(inPanels);
		assertThat(missing).as("series the guard emits that no panel shows").isEmpty();
	}

	@Test
	void everyGuardSeriesTheRulesAndTheirUnitTestsNameIsEmitted() throws Exception {
		Set<String> named = new TreeSet<>();
		for (Map<String, Object> group : list(yaml(RULES).get("groups"))) {
			for (Map<String, Object> rule : list(group.get("rules"))) {
				named.addAll(selectors((String) rule.get("expr"), Set.of("outcome", "reason")));
			}
		}
		assertThat(named).as("guard series the rules name").isNotEmpty();
		try (Stream<Path> files = Files.list(MONITORING.resolve("tests"))) {
			for (Path file : files.filter((file) -> file.toString().endsWith(".yaml")).toList()) {
				for (Map<String, Object> test : list(yaml(file).get("tests"))) {
					for (Map<String, Object> input : list(test.get("input_series"))) {
						named.addAll(selectors((String) input.get("series"), Set.of("outcome", "reason")));
					}
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (String selector : named) {
			String ofThisJob = selector.endsWith("{}") ? selector.replace("{}", "{job=\"" + JOB + "\"}")
					: selector.replaceFirst("\\{", "{job=\"" + JOB + "\", ");
			if (series(ofThisJob).isEmpty()) {
				missing.add(selector);
			}
		}
		assertThat(missing)
			.as("guard series named in %s and %s/tests that the application does not emit", RULES, MONITORING)
			.isEmpty();
	}

	private String configuration() {
		return """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  evaluation_interval: 1s
				rule_files: ['%s']
				scrape_configs:
				  - job_name: %s
				    metrics_path: /metrics
				    authorization: {type: Bearer, credentials: '%s'}
				    static_configs: [{targets: ['%s']}]
				""".formatted(RULES, JOB, SCRAPER_KEY, instance());
	}

	private String instance() {
		return "127.0.0.1:" + this.port;
	}

	private void awaitData(String expression) throws InterruptedException {
		DocumentContext answer = prometheus().await("/api/v1/query?query=" + encode(expression),
				(result) -> !result.read("$.data.result", List.class).isEmpty(), TIMEOUT);
		assertThat(answer.read("$.data.result", List.class)).as("result of %s", expression).isNotEmpty();
	}

	// Prometheus's first answer: a 200 only for a valid query or selector.
	private DocumentContext answer(String pathAndQuery) throws InterruptedException {
		return prometheus().await(pathAndQuery, (answer) -> true, Duration.ofSeconds(10));
	}

	private List<Map<String, String>> series(String selector) throws InterruptedException {
		return answer("/api/v1/series?match%5B%5D=" + encode(selector)).read("$.data");
	}

	private List<String> dashboardQueries() throws IOException {
		List<String> expressions = dashboard().read("$.panels[*].targets[*].expr");
		assertThat(expressions).as("dashboard queries").isNotEmpty();
		return expressions.stream().map(this::substitute).toList();
	}

	// What Grafana sends for one job and one instance.
	private String substitute(String expression) {
		return expression.replace("$__rate_interval", "1m").replace("$job", JOB).replace("$instance", instance());
	}

	private static List<String> selectors(String expression, @Nullable Set<String> labels) {
		List<String> selectors = new ArrayList<>();
		Matcher selector = SELECTOR.matcher(expression);
		while (selector.find()) {
			List<String> matchers = new ArrayList<>();
			Matcher matcher = MATCHER.matcher((selector.group(2) != null) ? selector.group(2) : "");
			while (matcher.find()) {
				if (labels == null || labels.contains(matcher.group(1))) {
					matchers.add(matcher.group());
				}
			}
			selectors.add(selector.group(1) + "{" + String.join(", ", matchers) + "}");
		}
		return selectors;
	}

	private static Map<String, List<String>> loaded(DocumentContext rules) {
		return namesByGroup(rules.read("$.data.groups"), "name");
	}

	private static Map<String, List<String>> namesByGroup(@Nullable Object groups, String name) {
		Map<String, List<String>> names = new TreeMap<>();
		for (Map<String, Object> group : list(groups)) {
			names.put((String) group.get("name"),
					list(group.get("rules")).stream().map((rule) -> (String) rule.get(name)).toList());
		}
		return names;
	}

	private static Set<String> health(DocumentContext rules) {
		List<String> health = rules.read("$.data.groups[*].rules[*].health");
		return new TreeSet<>(health);
	}

	private PrometheusServer prometheus() {
		assertThat(this.prometheus).as("Prometheus").isNotNull();
		return this.prometheus;
	}

	private static DocumentContext dashboard() throws IOException {
		return JsonPath.parse(Files.readString(DASHBOARD));
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(@Nullable Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
