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

	/**
	 * Render the entries as a Markdown list.
	 */
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
