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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Markdown table of a JMH run ({@code -rf json -prof gc}): time and allocation
 * per operation for each benchmark, and how much each adds to its class's floor.
 * <p>
 * Usage: {@code JmhReport <jmh.json> <metadata file> <out.md>}.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class JmhReport {

	/**
	 * Benchmarks that measure everything but the thing under test; the others in their
	 * class are shown relative to them.
	 */
	private static final List<String> FLOORS = List.of("floor", "noFilter");

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private JmhReport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("Usage: JmhReport <jmh.json> <metadata file> <out.md>");
		}
		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
		String markdown = render(rows(results), Metadata.read(Path.of(args[1])));
		Files.writeString(Path.of(args[2]), markdown);
		System.out.print(markdown);
	}

	static List<Row> rows(JsonNode results) {
		List<Row> rows = new ArrayList<>();
		for (JsonNode result : results) {
			String benchmark = result.get("benchmark").asString();
			int dot = benchmark.lastIndexOf('.');
			String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
			JsonNode primary = result.get("primaryMetric");
			JsonNode allocation = result.path("secondaryMetrics").path(ALLOCATION);
			rows.add(new Row(className, benchmark.substring(dot + 1), number(primary.get("score")),
					number(primary.get("scoreError")), primary.get("scoreUnit").asString(),
					allocation.isMissingNode() ? Double.NaN : number(allocation.get("score"))));
		}
		return rows;
	}

	// JMH writes "NaN" as a string, e.g. the error of a single iteration.
	private static double number(JsonNode node) {
		return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString());
	}

	static String render(List<Row> rows, Metadata metadata) {
		Map<String, Row> floors = new HashMap<>();
		rows.stream().filter((row) -> FLOORS.contains(row.method())).forEach((row) -> floors.put(row.className(), row));
		StringBuilder markdown = new StringBuilder("# JMH: cost of the metrics guard per request\n\n");
		markdown.append(metadata.toMarkdown()).append('\n');
		markdown.append("| Benchmark | Time | ± (99.9%) | Time above floor | Allocated | Allocated above floor |\n");
		markdown.append("|---|---:|---:|---:|---:|---:|\n");
		for (Row row : rows) {
			Row floor = floors.get(row.className());
			boolean relative = floor != null && floor != row;
			markdown.append("| ")
				.append(row.className())
				.append('.')
				.append(row.method())
				.append(" | ")
				.append(format("%.1f %s", row.score(), row.unit()))
				.append(" | ")
				.append(Double.isNaN(row.error()) ? "n/a" : format("%.1f", row.error()))
				.append(" | ")
				.append(relative ? format("%+.1f", row.score() - floor.score()) : "")
				.append(" | ")
				.append(Double.isNaN(row.bytes()) ? "n/a" : format("%.0f B/op", row.bytes()))
				.append(" | ")
				.append((relative && !Double.isNaN(row.bytes())) ? format("%+.0f B", row.bytes() - floor.bytes()) : "")
				.append(" |\n");
		}
		markdown.append("\nFloors: `GuardBenchmarks.floor` calls the application directly; "
				+ "`WebFilterChainBenchmarks.noFilter` is Spring's `DefaultWebFilterChain` with no filter; "
				+ "`ServletFilterBenchmarks.noFilter` calls the servlet chain directly. "
				+ "Allocation is JMH's `gc.alloc.rate.norm` (`-prof gc`).\n");
		return markdown.toString();
	}

	private static String format(String format, Object... values) {
		return String.format(Locale.ROOT, format, values);
	}

	record Row(String className, String method, double score, double error, String unit, double bytes) {

	}

}
