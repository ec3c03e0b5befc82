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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JmhReport}.
 */
class JmhReportTests {

	@TempDir
	Path directory;

	@Test
	void showsTimeAndAllocationRelativeToTheFloorOfTheClass() throws IOException {
		Files.writeString(this.directory.resolve("jmh.json"), """
				[
				  %s,
				  %s
				]""".formatted(result("GuardBenchmarks.floor", "1.5", "0.1", "0.0001"),
				result("GuardBenchmarks.composedFilterNonMetrics", "501.5", "\"NaN\"", "480.0")));
		Files.writeString(this.directory.resolve("meta.txt"), "date=today\n");
		JmhReport.main(new String[] { this.directory.resolve("jmh.json").toString(),
				this.directory.resolve("meta.txt").toString(), this.directory.resolve("jmh.md").toString() });
		assertThat(this.directory.resolve("jmh.md")).content()
			.contains("- **date**: today")
			.contains("| GuardBenchmarks.floor | 1.5 ns/op | 0.1 |  | 0 B/op |  |")
			.contains("| GuardBenchmarks.composedFilterNonMetrics | 501.5 ns/op | n/a | +500.0 | 480 B/op | +480 B |");
	}

	private static String result(String benchmark, String score, String error, String bytes) {
		return """
				{"benchmark": "ai.litellm.spring.benchmarks.jmh.%s", "mode": "avgt",
				 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ns/op"},
				 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreError": 0.0, "scoreUnit": "B/op"}}}"""
			.formatted(benchmark, score, error, bytes);
	}

}
