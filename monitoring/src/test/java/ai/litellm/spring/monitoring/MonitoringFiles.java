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
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * The files of the {@code monitoring} folder, and the operating guide that describes
 * them. The folder is the {@code litellm.monitoring.dir} system property (the module's
 * own folder, as the build sets it) or else the working directory.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MonitoringFiles {

	static final Path DIRECTORY = Path.of(System.getProperty("litellm.monitoring.dir", ".")).toAbsolutePath();

	static final Path RULES = DIRECTORY.resolve("litellm-metrics-auth-alerts.yaml");

	static final Path PROMETHEUS_RULE = DIRECTORY.resolve("litellm-metrics-auth-prometheusrule.yaml");

	static final Path DASHBOARD = DIRECTORY.resolve("litellm-metrics-auth-dashboard.json");

	static final Path RUNBOOK = DIRECTORY.resolve("runbook.md");

	static final Path OPERATING_GUIDE = DIRECTORY.resolve("../docs/operating.md").normalize();

	static final String RUNBOOK_URL = "https://github.com/litellm-spring/litellm-spring-boot/blob/main/monitoring/runbook.md";

	private MonitoringFiles() {
	}

	static Map<String, Object> yaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

	// The promtool unit test files, sorted.
	static List<Path> ruleTests() throws IOException {
		try (Stream<Path> files = Files.list(DIRECTORY.resolve("tests"))) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	// The rules of every group of the rule file, each as written there.
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rules() throws IOException {
		List<Map<String, Object>> groups = (List<Map<String, Object>>) yaml(RULES).get("groups");
		return groups.stream().flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
	}

}
