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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard: importable as a file and by provisioning, filtered by job and
 * instance, every query valid PromQL and every panel described. That the queries return
 * data from a real scrape the sample app's {@code MonitoringTests} check.
 */
class DashboardTests {

	private static final Map<String, Object> DATASOURCE = Map.of("type", "prometheus", "uid", "${datasource}");

	@Test
	void hasAFixedUidAndNoImportInputs() throws IOException {
		DocumentContext dashboard = dashboard();
		assertThat(dashboard.read("$.uid", String.class)).isEqualTo("litellm-metrics-auth");
		assertThat(dashboard.read("$", Map.class)).doesNotContainKeys("__inputs", "id");
	}

	@Test
	void takesItsDataSourceFromATemplateVariable() throws IOException {
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
	void filtersByJobAndInstance() throws IOException {
		DocumentContext dashboard = dashboard();
		assertThat(dashboard.read("$.templating.list[?(@.type == 'query')].name", List.class)).containsExactly("job",
				"instance");
		for (String expression : expressions(dashboard)) {
			assertThat(expression).contains("job=~\"$job\"").contains("instance=~\"$instance\"");
		}
	}

	@Test
	void everyQueryIsValidPromQL(@TempDir Path directory) throws Exception {
		// promtool checks PromQL in rule files; a recording rule per query makes one.
		List<Map<String, Object>> rules = new ArrayList<>();
		for (String expression : expressions(dashboard())) {
			String query = expression.replace("$__rate_interval", "5m").replaceAll("\\$(job|instance)", ".+");
			rules.add(Map.of("record", "dashboard:query_" + rules.size(), "expr", query));
		}
		Path file = directory.resolve("dashboard-queries.yaml");
		Files.writeString(file,
				new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
		Promtool.assertAcceptsRules(file, rules.size());
	}

	@Test
	void everyPanelSaysWhatItAnswers() throws IOException {
		String guide = Files.readString(MonitoringFiles.OPERATING_GUIDE);
		List<Map<String, Object>> panels = dashboard().read("$.panels[*]");
		assertThat(panels).hasSizeGreaterThanOrEqualTo(6);
		for (Map<String, Object> panel : panels) {
			assertThat((String) panel.get("description")).as("description of %s", panel.get("title")).contains("?");
			assertThat(guide).as("panels in %s", MonitoringFiles.OPERATING_GUIDE)
				.contains("**" + panel.get("title") + "**");
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
		return JsonPath.parse(Files.readString(MonitoringFiles.DASHBOARD));
	}

}
