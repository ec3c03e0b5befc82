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

package ai.litellm.spring.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the binaries of Debian's prometheus package that the tests run: the one a system
 * property or else an environment variable names; when neither is set, the first on the
 * {@code PATH}, or else the one in {@code /usr/bin}. A missing binary fails the test
 * rather than skipping it.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class Binaries {

	private Binaries() {
	}

	public static Path locate(String name, String property, String variable) {
		String hint = "Install Debian's prometheus package with scripts/install-test-tools.sh (from the repository "
				+ "root), or set the %s system property or the %s environment variable to a %s binary."
					.formatted(property, variable, name);
		String configured = System.getProperty(property, System.getenv(variable));
		if (configured != null) {
			Path binary = Path.of(configured);
			if (!isExecutableFile(binary)) {
				throw new AssertionError("'%s' is not an executable file. %s".formatted(configured, hint));
			}
			return binary;
		}
		Path debian = Path.of("/usr/bin", name);
		return Stream
			.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
				.map((dir) -> Path.of(dir, name)), Stream.of(debian))
			.filter(Binaries::isExecutableFile)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No %s on the PATH or at %s. %s".formatted(name, debian, hint)));
	}

	private static boolean isExecutableFile(Path file) {
		return Files.isRegularFile(file) && Files.isExecutable(file);
	}

}
