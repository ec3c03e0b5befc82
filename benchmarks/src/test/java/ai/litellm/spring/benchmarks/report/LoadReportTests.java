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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoadReport}.
 */
class LoadReportTests {

	@TempDir
	Path directory;

	@Test
	void comparesEachModeWithTheBaselineOfTheSameRound() {
		List<LoadRun> runs = List.of(run(1, "none", 1000), run(1, "starter", 900), run(2, "none", 500),
				run(2, "starter", 500), run(3, "none", 1000), run(3, "starter", 800));
		Statistics ratio = LoadReport.ratio(runs, "none", "starter", (run) -> run.wrk().requestsPerSecond())
			.orElseThrow();
		assertThat(ratio).isEqualTo(new Statistics(0.9, 0.8, 1.0));
	}

	@Test
	void hasNoRatioWithoutTheBaseline() {
		assertThat(LoadReport.ratio(List.of(run(1, "starter", 900)), "none", "starter", (run) -> 1.0)).isEmpty();
	}

	@Test
	void writesTablesRunsAndChart() throws IOException {
		Files.writeString(this.directory.resolve("wrk-none.txt"), WrkResultTests.OUTPUT);
		Files.writeString(this.directory.resolve("wrk-starter.txt"),
				WrkResultTests.OUTPUT.replace("24375.00", "12187.50"));
		Files.writeString(this.directory.resolve("runs.tsv"), """
				p\tGET /metrics\t1\tnone\t200\t100\twrk-none.txt
				p\tGET /metrics\t1\tstarter\t300\t100\twrk-starter.txt
				""");
		Files.writeString(this.directory.resolve("meta.txt"), "date=today\ncommand=benchmarks/load.sh\n");
		Path prefix = this.directory.resolve("load");
		LoadReport.main(new String[] { this.directory.resolve("runs.tsv").toString(),
				this.directory.resolve("meta.txt").toString(), prefix.toString() });
		assertThat(this.directory.resolve("load.md")).content()
			.contains("- **command**: `benchmarks/load.sh`")
			.contains("## GET /metrics")
			// 2 s and 3 s of CPU for 195,000 requests each
			.contains("| none | 24,375 | 24,375–24,375 | 1.00 (1.00–1.00) | 3.95 ms | 0.85 ms | 10.3 µs |")
			.contains("| starter | 12,188 | 12,188–12,188 | 0.50 (0.50–0.50) | 3.95 ms | 0.85 ms | 15.4 µs | "
					+ "1.50 (1.50–1.50) | 195,000 of 195,000 | 10 |");
		assertThat(this.directory.resolve("load-runs.tsv")).content().contains("p\t1\tstarter\t195000\t8.00\t12187.5");
		assertThat(this.directory.resolve("load.svg")).content()
			.startsWith("<svg")
			.contains(">starter</text>")
			.contains("0.50× none");
	}

	@Test
	void comparesWithTheBaselineAndNamesTheServerGivenInTheMetadata() throws IOException {
		Files.writeString(this.directory.resolve("meta.txt"), "server=Tomcat\nbaseline=servlet-none\n");
		List<LoadRun> runs = List.of(run(1, "servlet-none", 1000), run(1, "servlet-starter", 900));
		Metadata metadata = Metadata.read(this.directory.resolve("meta.txt"));
		assertThat(LoadReport.markdown(runs, metadata, "load.svg")).startsWith("# Load test: filter setups on Tomcat\n")
			.contains("| Mode | RPS | RPS min–max | RPS vs servlet-none |")
			.contains("| servlet-starter | 900 | 900–900 | 0.90 (0.90–0.90) |");
		assertThat(LoadReport.chart(runs, metadata)).contains("0.90× servlet-none");
	}

	@Test
	void showsNoLatencyCpuOrRatioForAModeThatCompletedNoRequest() throws IOException {
		Files.writeString(this.directory.resolve("meta.txt"), "");
		List<LoadRun> runs = List.of(run(1, "none", 1000),
				new LoadRun("p", "title", 1, "security", 1.0, new WrkResult(0, 3.0, 0, 0, 0, 0, 0)));
		assertThat(LoadReport.markdown(runs, Metadata.read(this.directory.resolve("meta.txt")), "load.svg"))
			.contains("| security | 0 | 0–0 | 0.00 (0.00–0.00) | — | — | — | — | 0 of 0 | 0 |");
	}

	private static LoadRun run(int round, String mode, double requestsPerSecond) {
		return new LoadRun("p", "title", round, mode, 1.0, new WrkResult(1000, 1.0, requestsPerSecond, 1.0, 2.0, 0, 0));
	}

}
