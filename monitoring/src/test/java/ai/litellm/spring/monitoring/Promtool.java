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

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Prometheus's {@code promtool}: the one named by the {@code promtool.bin} system
 * property or else the {@code PROMTOOL_BIN} environment variable; when neither is set,
 * the first {@code promtool} on the {@code PATH}, or else {@code /usr/bin/promtool}
 * (Debian's prometheus package, which {@code scripts/install-test-tools.sh} installs). A
 * missing binary fails the test rather than skipping it.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class Promtool {

	private static final Path DEBIAN_BINARY = Path.of("/usr/bin/promtool");

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
		command.add(locateBinary().toString());
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

	private static Path locateBinary() {
		String configured = System.getProperty("promtool.bin", System.getenv("PROMTOOL_BIN"));
		if (configured != null) {
			Path binary = Path.of(configured);
			if (!isExecutableFile(binary)) {
				throw new AssertionError(
						"promtool '%s' (from promtool.bin or PROMTOOL_BIN) is not an executable file. %s"
							.formatted(configured, installHint()));
			}
			return binary;
		}
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream
			.concat(Stream.of(path.split(File.pathSeparator)).map((dir) -> Path.of(dir, "promtool")),
					Stream.of(DEBIAN_BINARY))
			.filter(Promtool::isExecutableFile)
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"No promtool on the PATH or at %s. %s".formatted(DEBIAN_BINARY, installHint())));
	}

	private static String installHint() {
		return "Install Debian's prometheus package, which has promtool, with scripts/install-test-tools.sh "
				+ "(from the repository root), or set the promtool.bin system property or the PROMTOOL_BIN "
				+ "environment variable to a promtool binary.";
	}

	private static boolean isExecutableFile(Path file) {
		return Files.isRegularFile(file) && Files.isExecutable(file);
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
