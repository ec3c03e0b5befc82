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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules: valid and the same as a rule file and as a PrometheusRule, passing
 * their promtool unit tests (which catch a rule that does not fire on the guard's series;
 * the sample app's {@code MonitoringTests} catch a series it never emits), each with the
 * labels and annotations an operator needs, a runbook entry and a line in the guide.
 */
class AlertRulesTests {

	private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

	private static final Pattern RUNBOOK_ENTRY = Pattern.compile("^## (LiteLLM\\w+)$", Pattern.MULTILINE);

	@Test
	void promtoolAcceptsTheRuleFile() throws Exception {
		Promtool.assertAcceptsRules(MonitoringFiles.RULES, MonitoringFiles.rules().size());
	}

	@Test
	void promtoolAcceptsTheGroupsOfThePrometheusRule(@TempDir Path directory) throws Exception {
		Path groups = directory.resolve("prometheusrule-spec.yaml");
		Files.writeString(groups, new Yaml().dump(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_RULE).get("spec")));
		Promtool.assertAcceptsRules(groups, MonitoringFiles.rules().size());
	}

	@Test
	void thePrometheusRuleHoldsTheGroupsOfTheRuleFile() throws IOException {
		Map<String, Object> prometheusRule = MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_RULE);
		assertThat(prometheusRule).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule");
		assertThat(prometheusRule.get("spec")).as("spec of %s", MonitoringFiles.PROMETHEUS_RULE)
			.isEqualTo(MonitoringFiles.yaml(MonitoringFiles.RULES));
	}

	@Test
	void alertsPassTheirUnitTests() throws Exception {
		List<Path> files = MonitoringFiles.ruleTests();
		assertThat(files).as("promtool unit test files").isNotEmpty();
		String[] arguments = Stream.concat(Stream.of("test", "rules"), files.stream().map(Path::toString))
			.toArray(String[]::new);
		assertThat(Promtool.run(arguments)).doesNotContain("FAILED");
	}

	@Test
	void everyAlertIsTestedFiringAndSilent() throws IOException {
		Set<String> firing = new TreeSet<>();
		Set<String> silent = new TreeSet<>();
		for (Path file : MonitoringFiles.ruleTests()) {
			List<Map<String, Object>> checks = JsonPath.read(MonitoringFiles.yaml(file),
					"$.tests[*].alert_rule_test[*]");
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
		for (Map<String, Object> rule : MonitoringFiles.rules()) {
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
				.isEqualTo(MonitoringFiles.RUNBOOK_URL + "#" + alert.toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void theRunbookHasOneEntryPerAlert() throws IOException {
		Set<String> entries = RUNBOOK_ENTRY.matcher(Files.readString(MonitoringFiles.RUNBOOK))
			.results()
			.map((entry) -> entry.group(1))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(entries).as("entries (## headings) of %s", MonitoringFiles.RUNBOOK).isEqualTo(alertNames());
	}

	@Test
	void theOperatingGuideListsEveryAlert() throws IOException {
		String guide = Files.readString(MonitoringFiles.OPERATING_GUIDE);
		for (Map<String, Object> rule : MonitoringFiles.rules()) {
			String row = "| `%s` | %s |".formatted(rule.get("alert"), map(rule.get("labels")).get("severity"));
			assertThat(guide).as("alert table of %s", MonitoringFiles.OPERATING_GUIDE).contains(row);
		}
	}

	private static Set<String> alertNames() throws IOException {
		return MonitoringFiles.rules()
			.stream()
			.map((rule) -> (String) rule.get("alert"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

}
