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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Summarises a {@code load.sh} run: per pass and mode the median throughput, latency, the
 * server's CPU time per request and each mode's ratio to the baseline within the same
 * round, as a Markdown table, a tab-separated file of every run, and an SVG chart.
 * <p>
 * The baseline is the metadata's {@code baseline} ({@code none} if it names none), the
 * title names the metadata's {@code server}.
 * <p>
 * Usage: {@code LoadReport <runs index> <metadata file> <output prefix>}, where each line
 * of the index is {@code pass, title, round, mode, CPU ticks, CLK_TCK, wrk output file},
 * tab-separated.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class LoadReport {

	private static final String DEFAULT_BASELINE = "none";

	private static final String DEFAULT_SERVER = "one Reactor Netty event-loop thread";

	private LoadReport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("Usage: LoadReport <runs index> <metadata file> <output prefix>");
		}
		List<LoadRun> runs = readRuns(Path.of(args[0]));
		Metadata metadata = Metadata.read(Path.of(args[1]));
		String prefix = args[2];
		Files.writeString(Path.of(prefix + "-runs.tsv"), runsTable(runs));
		String markdown = markdown(runs, metadata, Path.of(prefix).getFileName() + ".svg");
		Files.writeString(Path.of(prefix + ".md"), markdown);
		Files.writeString(Path.of(prefix + ".svg"), chart(runs, metadata));
		System.out.print(markdown);
	}

	static List<LoadRun> readRuns(Path index) throws IOException {
		List<LoadRun> runs = new ArrayList<>();
		for (String line : Files.readAllLines(index)) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split("\t");
			double cpuSeconds = Double.parseDouble(fields[4]) / Double.parseDouble(fields[5]);
			WrkResult wrk = WrkResult.parse(Files.readString(index.resolveSibling(fields[6])));
			runs.add(new LoadRun(fields[0], fields[1], Integer.parseInt(fields[2]), fields[3], cpuSeconds, wrk));
		}
		return runs;
	}

	static String runsTable(List<LoadRun> runs) {
		StringBuilder tsv = new StringBuilder(
				"pass\tround\tmode\trequests\tseconds\trps\tp50_ms\tp99_ms\tnon_2xx\tsocket_errors\tcpu_s\tcpu_us_per_request\n");
		for (LoadRun run : runs) {
			WrkResult wrk = run.wrk();
			tsv.append(format("%s\t%d\t%s\t%d\t%.2f\t%.1f\t%.3f\t%.3f\t%d\t%d\t%.2f\t%.2f\n", run.pass(), run.round(),
					run.mode(), wrk.requests(), wrk.seconds(), wrk.requestsPerSecond(), wrk.p50Millis(),
					wrk.p99Millis(), wrk.non2xx(), wrk.socketErrors(), run.cpuSeconds(), run.cpuMicrosPerRequest()));
		}
		return tsv.toString();
	}

	static String markdown(List<LoadRun> runs, Metadata metadata, String chartFile) {
		String baseline = baseline(metadata);
		StringBuilder markdown = new StringBuilder("# ").append(title(metadata)).append("\n\n");
		markdown.append(metadata.toMarkdown()).append('\n');
		markdown.append(format("Medians across rounds. *vs %1$s* is each mode's ratio to `%1$s` measured in the same "
				+ "round (median, min–max), for throughput and for the server's CPU time per request "
				+ "(user + system time of the server process from `/proc/<pid>/stat` during the run, "
				+ "divided by the requests completed).\n\n", baseline));
		markdown.append("![requests per second](").append(chartFile).append(")\n");
		for (Map.Entry<String, List<LoadRun>> pass : byPass(runs).entrySet()) {
			markdown.append("\n## ").append(pass.getValue().get(0).title()).append("\n\n");
			markdown
				.append(format("| Mode | RPS | RPS min–max | RPS vs %1$s | p50 | p99 | CPU per request | CPU vs %1$s "
						+ "| Non-2xx | Socket errors |\n", baseline));
			markdown.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (String mode : byMode(pass.getValue()).keySet()) {
				markdown.append(row(pass.getValue(), baseline, mode));
			}
		}
		return markdown.toString();
	}

	private static String title(Metadata metadata) {
		return "Load test: filter setups on " + metadata.get("server", DEFAULT_SERVER);
	}

	private static String baseline(Metadata metadata) {
		return metadata.get("baseline", DEFAULT_BASELINE);
	}

	private static String row(List<LoadRun> passRuns, String baseline, String mode) {
		List<LoadRun> runs = passRuns.stream().filter((run) -> run.mode().equals(mode)).toList();
		Statistics rps = statistics(runs, (run) -> run.wrk().requestsPerSecond());
		return format("| %s | %,.0f | %,.0f–%,.0f | %s | %s | %s | %s | %s | %,d of %,d | %,d |\n", mode, rps.median(),
				rps.min(), rps.max(), ratioText(passRuns, baseline, mode, (run) -> run.wrk().requestsPerSecond()),
				measured(runs, (run) -> run.wrk().p50Millis(), "%.2f ms"),
				measured(runs, (run) -> run.wrk().p99Millis(), "%.2f ms"),
				measured(runs, LoadRun::cpuMicrosPerRequest, "%.1f µs"),
				ratioText(passRuns, baseline, mode, LoadRun::cpuMicrosPerRequest),
				runs.stream().mapToLong((run) -> run.wrk().non2xx()).sum(),
				runs.stream().mapToLong((run) -> run.wrk().requests()).sum(),
				runs.stream().mapToLong((run) -> run.wrk().socketErrors()).sum());
	}

	// The median over the runs that completed requests: a run that completed none has no
	// latency or CPU time per request.
	private static String measured(List<LoadRun> runs, ToDoubleFunction<LoadRun> value, String format) {
		List<LoadRun> completed = runs.stream().filter((run) -> run.wrk().requests() > 0).toList();
		return completed.isEmpty() ? "—" : format(format, statistics(completed, value).median());
	}

	private static String ratioText(List<LoadRun> passRuns, String baseline, String mode,
			ToDoubleFunction<LoadRun> value) {
		return ratio(passRuns, baseline, mode, value)
			.map((ratio) -> format("%.2f (%.2f–%.2f)", ratio.median(), ratio.min(), ratio.max()))
			.orElse("—");
	}

	static String chart(List<LoadRun> runs, Metadata metadata) {
		String baseline = baseline(metadata);
		List<SvgBarChart.Panel> panels = new ArrayList<>();
		for (List<LoadRun> passRuns : byPass(runs).values()) {
			List<SvgBarChart.Bar> bars = new ArrayList<>();
			for (Map.Entry<String, List<LoadRun>> mode : byMode(passRuns).entrySet()) {
				Statistics rps = statistics(mode.getValue(), (run) -> run.wrk().requestsPerSecond());
				String versusBaseline = ratio(passRuns, baseline, mode.getKey(), (run) -> run.wrk().requestsPerSecond())
					.map((ratio) -> format(", %.2f× %s", ratio.median(), baseline))
					.orElse("");
				String cpu = ", " + measured(mode.getValue(), LoadRun::cpuMicrosPerRequest, "%.0f µs") + " CPU/req";
				bars.add(new SvgBarChart.Bar(mode.getKey(), rps.median(), rps.min(), rps.max(),
						format("%,.0f rps", rps.median()) + versusBaseline + cpu));
			}
			panels.add(new SvgBarChart.Panel(passRuns.get(0).title(), bars));
		}
		List<String> subtitles = List.of("Median requests per second, whiskers from the slowest to the fastest round.",
				metadata.get("date", "") + ", " + metadata.get("machine", "") + ", " + metadata.get("jvm", ""));
		return SvgBarChart.render(title(metadata), subtitles, panels);
	}

	// Each round's value of the mode divided by the baseline's in the same round.
	static Optional<Statistics> ratio(List<LoadRun> passRuns, String baseline, String mode,
			ToDoubleFunction<LoadRun> value) {
		// A run that completed no request has no ratio.
		List<Double> ratios = new ArrayList<>();
		for (LoadRun run : passRuns) {
			if (run.mode().equals(mode)) {
				passRuns.stream()
					.filter((other) -> other.mode().equals(baseline) && other.round() == run.round())
					.findFirst()
					.map((baselineRun) -> value.applyAsDouble(run) / value.applyAsDouble(baselineRun))
					.filter(Double::isFinite)
					.ifPresent(ratios::add);
			}
		}
		return ratios.isEmpty() ? Optional.empty() : Optional.of(Statistics.of(ratios));
	}

	private static Statistics statistics(List<LoadRun> runs, ToDoubleFunction<LoadRun> value) {
		return Statistics.of(runs.stream().map(value::applyAsDouble).toList());
	}

	private static Map<String, List<LoadRun>> byPass(List<LoadRun> runs) {
		Map<String, List<LoadRun>> passes = new LinkedHashMap<>();
		runs.forEach((run) -> passes.computeIfAbsent(run.pass(), (key) -> new ArrayList<>()).add(run));
		return passes;
	}

	private static Map<String, List<LoadRun>> byMode(List<LoadRun> runs) {
		Map<String, List<LoadRun>> modes = new LinkedHashMap<>();
		runs.forEach((run) -> modes.computeIfAbsent(run.mode(), (key) -> new ArrayList<>()).add(run));
		return modes;
	}

	private static String format(String format, Object... values) {
		return String.format(Locale.ROOT, format, values);
	}

}
