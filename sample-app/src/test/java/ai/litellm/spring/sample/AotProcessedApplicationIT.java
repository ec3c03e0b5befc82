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

package ai.litellm.spring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.test.RawHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample app's executable jar, processed ahead of time by
 * {@code spring-boot:process-aot} at build time and started with
 * {@code -Dspring.aot.enabled=true}: the guard is part of the frozen bean definitions,
 * and the key is still read at run time.
 */
class AotProcessedApplicationIT {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final String KEY = "sk-aot-runtime-Q7v2-key";

	@TempDir
	Path workDir;

	private @Nullable Process process;

	@AfterEach
	void stopTheApplication() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	@Test
	void guardsTheMetricsWithTheKeyFromTheRuntimeEnvironment() throws Exception {
		int port = TestSocketUtils.findAvailableTcpPort();
		Path log = this.workDir.resolve("application.log");
		Process process = start(port, KEY, log);
		await().atMost(STARTUP_TIMEOUT)
			.failFast("the application stopped",
					() -> assertThat(process.isAlive()).as("running; output:%n%s", Files.readString(log)).isTrue())
			.untilAsserted(() -> assertThat(Files.readString(log)).contains("Started SampleApplication"));
		assertThat(Files.readString(log)).contains("Starting AOT-processed SampleApplication");
		RawHttpClient client = new RawHttpClient(port);
		client.assertGuarded("/metrics", KEY);
		assertThat(client.send("GET", "/actuator/prometheus", "Authorization: Bearer wrong").status()).isEqualTo(401);
		assertThat(client.send("GET", "/health").body()).isEqualTo("ok");
	}

	@Test
	void refusesToStartWithoutAKeyAtRunTime() throws Exception {
		Path log = this.workDir.resolve("application.log");
		Process process = start(TestSocketUtils.findAvailableTcpPort(), null, log);
		assertThat(process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START").contains("litellm.master-key");
	}

	private Process start(int port, @Nullable String key, Path log) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar",
				System.getProperty("sample-app.jar"), "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().remove("LITELLM_MASTER_KEY");
		if (key != null) {
			builder.environment().put("LITELLM_MASTER_KEY", key);
		}
		this.process = builder.start();
		return this.process;
	}

}
