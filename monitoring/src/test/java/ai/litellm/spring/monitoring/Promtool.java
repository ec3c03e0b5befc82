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
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.test.Binaries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Prometheus's {@code promtool}, found as {@link Binaries} describes
 * ({@code promtool.bin}, {@code PROMTOOL_BIN}), for at most two minutes.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class Promtool {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private Promtool() {
	}

	// Its standard output and error, once it has exited with status 0.
	static String run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Binaries.locate("promtool", "promtool.bin", "PROMTOOL_BIN").toString());
		command.addAll(List.of(arguments));
		Path file = Files.createTempFile("promtool", ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(file.toFile())
				.start();
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new AssertionError("%s took longer than %s".formatted(command, TIMEOUT));
			}
			String output = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("%s exited with:%n%s", command, output).isZero();
			return output;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static void assertAcceptsRules(Path file, int rules) throws IOException, InterruptedException {
		assertThat(run("check", "rules", file.toString())).contains("SUCCESS: %d rules found".formatted(rules));
	}

}
