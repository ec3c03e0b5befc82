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

package ai.litellm.spring.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a results file is stamped with (date, machine, JVM, command, settings), read from
 * the {@code key=value} lines the scripts write, in their order.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class Metadata {

	private final Map<String, String> entries;

	private Metadata(Map<String, String> entries) {
		this.entries = entries;
	}

	static Metadata read(Path file) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			int separator = line.indexOf('=');
			if (separator > 0) {
				entries.put(line.substring(0, separator).strip(), line.substring(separator + 1).strip());
			}
		}
		return new Metadata(entries);
	}

	String get(String key, String fallback) {
		return this.entries.getOrDefault(key, fallback);
	}

	// The entries as a Markdown list.
	String toMarkdown() {
		StringBuilder markdown = new StringBuilder();
		this.entries.forEach((key, value) -> markdown.append("- **")
			.append(key)
			.append("**: ")
			.append(key.equals("command") ? "`" + value + "`" : value)
			.append('\n'));
		return markdown.toString();
	}

}
