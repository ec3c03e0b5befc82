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

package ai.litellm.spring.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.litellm.spring.test.Binaries;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of the {@code monitoring} folder, checked with Prometheus's {@code promtool}
 * (found as {@link Binaries} describes: {@code promtool.bin}, {@code PROMTOOL_BIN}).
 * <p>
 * The alert rules: valid and the same as a rule file and as a PrometheusRule, passing
 * their promtool unit tests (which catch a rule that does not fire on the guard's series;
 * the sample app's {@code MonitoringTests} catch a series it never emits), each with the
 * labels and annotations an operator needs, a runbook entry and a line in the operating
 * guide. The Grafana dashboard: importable as a file and by provisioning, filtered by job
 * and instance, every query valid PromQL and every panel described in the guide. That its
 * queries return data from a real scrape the sample app's {@code MonitoringTests} check.
 * <p>
 * The folder is the {@code litellm.monitoring.dir} system property (the module's own
 * folder, as the build sets it) or else the working directory.
 */
class MonitoringFilesTests {

	private static final Path DIRECTORY = Path.of(System.getProperty("litellm.monitoring.dir", ".")).toAbsolutePath();

	private static final Path RULES = DIRECTORY.resolve("litellm-metrics-auth-alerts.yaml");

	private static final Path PROMETHEUS_RULE = DIRECTORY.resolve("litellm-metrics-auth-prometheusrule.yaml");

	private static final Path DASHBOARD = DIRECTORY.resolve("litellm-metrics-auth-dashboard.json");

	private static final Path RUNBOOK = DIRECTORY.resolve("runbook.md");

	private static final Path OPERATING_GUIDE = DIRECTORY.resolve("../docs/operating.md").normalize();

	private static final String RUNBOOK_URL = "https://github.com/litellm-spring/litellm-spring-boot/blob/main/monitoring/runbook.md";

	private static final Duration PROMTOOL_TIMEOUT = Duration.ofMinutes(2);

	private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

	private static final Pattern RUNBOOK_ENTRY = Pattern.compile("^## (LiteLLM\\w+)$", Pattern.MULTILINE);

	private static final Map<String, Object> DATASOURCE = Map.of("type", "prometheus", "uid", "${datasource}");

	@Test
	void promtoolAcceptsTheRuleFile() throws Exception {
		assertPromtoolAcceptsRules(RULES, rules().size());
	}

	@Test
	void promtoolAcceptsTheGroupsOfThePrometheusRule(@TempDir Path directory) throws Exception {
		Path groups = directory.resolve("prometheusrule-spec.yaml");
		Files.writeString(groups, new Yaml().dump(yaml(PROMETHEUS_RULE).get("spec")));
		assertPromtoolAcceptsRules(groups, rules().size());
	}

	@Test
	void thePrometheusRuleHoldsTheGroupsOfTheRuleFile() throws IOException {
		Map<String, Object> prometheusRule = yaml(PROMETHEUS_RULE);
		assertThat(prometheusRule).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule");
		assertThat(prometheusRule.get("spec")).as("spec of %s", PROMETHEUS_RULE).isEqualTo(yaml(RULES));
	}

	@Test
	void alertsPassTheirUnitTests() throws Exception {
		List<Path> files = ruleTests();
		assertThat(files).as("promtool unit test files").isNotEmpty();
		String[] arguments = Stream.concat(Stream.of("test", "rules"), files.stream().map(Path::toString))
			.toArray(String[]::new);
		assertThat(promtool(arguments)).doesNotContain("FAILED");
	}

	@Test
	void everyAlertIsTestedFiringAndSilent() throws IOException {
		Set<String> firing = new TreeSet<>();
		Set<String> silent = new TreeSet<>();
		for (Path file : ruleTests()) {
			List<Map<String, Object>> checks = JsonPath.read(yaml(file), "$.tests[*].alert_rule_test[*]");
			for (Map<String, Object> check : checks) {
				List<?> expected = (List<?>) check.get("exp_alerts");
				boolean fires = expected != null && !expected.isEmpty();
				(fires ? firing : silent).add((String) check.get("alertname"));
			}
		}
		Set<String> alerts = alertNames();
		assertThat(firing).as("alerts tested firing").containsAll(alerts);
		assertThat(silent).as("alerts tested silent").containsAll(alerts);
	}

	@Test
	void everyAlertHasASeverityAFixedSummaryATemplatedDescriptionAndARunbookUrl() throws IOException {
		for (Map<String, Object> rule : rules()) {
			String alert = (String) rule.get("alert");
			assertThat(alert).as("every rule is an alert (%s)", rule).isNotNull();
			assertThat(rule).as(alert).containsKey("for");
			Map<String, Object> labels = map(rule.get("labels"));
			assertThat(SEVERITIES).as("severity of %s", alert).contains((String) labels.get("severity"));
			Map<String, Object> annotations = map(rule.get("annotations"));
			assertThat(annotations).as("annotations of %s", alert)
				.containsOnlyKeys("summary", "description", "runbook_url");
			assertThat((String) annotations.get("summary")).as("summary of %s", alert)
				.doesNotContain("{{")
				.endsWith(".");
			assertThat((String) annotations.get("description")).as("description of %s", alert).contains("{{ $labels.");
			assertThat(annotations.get("runbook_url")).as("runbook_url of %s", alert)
				.isEqualTo(RUNBOOK_URL + "#" + alert.toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void theRunbookHasOneEntryPerAlert() throws IOException {
		Set<String> entries = RUNBOOK_ENTRY.matcher(Files.readString(RUNBOOK))
			.results()
			.map((entry) -> entry.group(1))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(entries).as("entries (## headings) of %s", RUNBOOK).isEqualTo(alertNames());
	}

	@Test
	void theOperatingGuideListsEveryAlert() throws IOException {
		String guide = Files.readString(OPERATING_GUIDE);
		for (Map<String, Object> rule : rules()) {
			String row = "| `%s` | %s |".formatted(rule.get("alert"), map(rule.get("labels")).get("severity"));
			assertThat(guide).as("alert table of %s", OPERATING_GUIDE).contains(row);
		}
	}

	private static Set<String> alertNames() throws IOException {
		return rules().stream()
			.map((rule) -> (String) rule.get("alert"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@Test
	void dashboardHasAFixedUidAndNoImportInputs() throws IOException {
		DocumentContext dashboard = dashboard();
		assertThat(dashboard.read("$.uid", String.class)).isEqualTo("litellm-metrics-auth");
		assertThat(dashboard.read("$", Map.class)).doesNotContainKeys("__inputs", "id");
	}

	@Test
	void dashboardTakesItsDataSourceFromATemplateVariable() throws IOException {
		DocumentContext dashboard = dashboard();
		List<Map<String, Object>> variables = dashboard.read("$.templating.list[?(@.name == 'datasource')]");
		assertThat(variables).singleElement()
			.satisfies((variable) -> assertThat(variable).containsEntry("type", "datasource")
				.containsEntry("query", "prometheus"));
		List<Object> datasources = new ArrayList<>();
		datasources.addAll(dashboard.read("$.panels[*].datasource"));
		datasources.addAll(dashboard.read("$.panels[*].targets[*].datasource"));
		datasources.addAll(dashboard.read("$.templating.list[?(@.type == 'query')].datasource"));
		assertThat(datasources).isNotEmpty().allSatisfy((datasource) -> assertThat(datasource).isEqualTo(DATASOURCE));
	}

	@Test
	void dashboardFiltersByJobAndInstance() throws IOException {
		DocumentContext dashboard = dashboard();
		assertThat(dashboard.read("$.templating.list[?(@.type == 'query')].name", List.class)).containsExactly("job",
				"instance");
		for (String expression : expressions(dashboard)) {
			assertThat(expression).contains("job=~\"$job\"").contains("instance=~\"$instance\"");
		}
	}

	@Test
	void everyDashboardQueryIsValidPromQL(@TempDir Path directory) throws Exception {
		// promtool checks PromQL in rule files; a recording rule per query makes one.
		List<Map<String, Object>> rules = new ArrayList<>();
		for (String expression : expressions(dashboard())) {
			String query = expression.replace("$__rate_interval", "5m").replaceAll("\\$(job|instance)", ".+");
			rules.add(Map.of("record", "dashboard:query_" + rules.size(), "expr", query));
		}
		Path file = directory.resolve("dashboard-queries.yaml");
		Files.writeString(file,
				new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
		assertPromtoolAcceptsRules(file, rules.size());
	}

	@Test
	void everyDashboardPanelSaysWhatItAnswers() throws IOException {
		String guide = Files.readString(OPERATING_GUIDE);
		List<Map<String, Object>> panels = dashboard().read("$.panels[*]");
		assertThat(panels).hasSizeGreaterThanOrEqualTo(6);
		for (Map<String, Object> panel : panels) {
			assertThat((String) panel.get("description")).as("description of %s", panel.get("title")).contains("?");
			assertThat(guide).as("panels in %s", OPERATING_GUIDE).contains("**" + panel.get("title") + "**");
		}
	}

	private static List<String> expressions(DocumentContext dashboard) {
		List<String> expressions = new ArrayList<>();
		List<Map<String, Object>> panels = dashboard.read("$.panels[*]");
		for (Map<String, Object> panel : panels) {
			List<String> targets = JsonPath.read(panel, "$.targets[*].expr");
			assertThat(targets).as("queries of %s", panel.get("title")).isNotEmpty();
			expressions.addAll(targets);
		}
		return expressions;
	}

	private static DocumentContext dashboard() throws IOException {
		return JsonPath.parse(Files.readString(DASHBOARD));
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		return new Yaml().load(Files.readString(file));
	}

	// The promtool unit test files, sorted.
	private static List<Path> ruleTests() throws IOException {
		try (Stream<Path> files = Files.list(DIRECTORY.resolve("tests"))) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules() throws IOException {
		List<Map<String, Object>> groups = (List<Map<String, Object>>) yaml(RULES).get("groups");
		return groups.stream().flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
	}

	// Its standard output and error, once it has exited with status 0.
	private static String promtool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Binaries.locate("promtool", "promtool.bin", "PROMTOOL_BIN").toString());
		command.addAll(List.of(arguments));
		Path file = Files.createTempFile("promtool", ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(file.toFile())
				.start();
			if (!process.waitFor(PROMTOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new AssertionError("%s took longer than %s".formatted(command, PROMTOOL_TIMEOUT));
			}
			String output = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("%s exited with:%n%s", command, output).isZero();
			return output;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static void assertPromtoolAcceptsRules(Path file, int rules) throws IOException, InterruptedException {
		assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS: %d rules found".formatted(rules));
	}

}
