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

/**
 * Runs Prometheus's {@code promtool}, found as {@link Binaries} describes
 * ({@code promtool.bin}, {@code PROMTOOL_BIN}).
 *
 * @author LiteLLM Spring Boot contributors
 */
final class Promtool {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private Promtool() {
	}

	/**
	 * Run promtool and wait for it, at most two minutes.
	 * @param arguments the arguments, such as {@code check rules file.yaml}
	 * @return its exit status and its output (standard output and error together)
	 * @throws IOException if it cannot be started or its output cannot be read
	 * @throws InterruptedException if interrupted while waiting
	 */
	static Result run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Binaries.locate("promtool", "promtool.bin", "PROMTOOL_BIN").toString());
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("promtool", ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new AssertionError("%s took longer than %s".formatted(command, TIMEOUT));
			}
			return new Result(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * What a run of promtool gave.
	 *
	 * @param command the command that ran
	 * @param exitStatus its exit status
	 * @param output its standard output and error
	 */
	record Result(List<String> command, int exitStatus, String output) {

		@Override
		public String toString() {
			return String.join(" ", this.command) + " exited with " + this.exitStatus + ":\n" + this.output;
		}

	}

}
