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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import org.springframework.test.util.TestSocketUtils;

/**
 * A real Prometheus server, run as a child process on a free loopback port with its
 * configuration, data and output in a directory of the caller's.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class PrometheusServer implements AutoCloseable {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final Process process;

	private final Path output;

	private final URI api;

	private final HttpClient client = HttpClient.newBuilder()
		.proxy(HttpClient.Builder.NO_PROXY)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private PrometheusServer(Process process, Path output, URI api) {
		this.process = process;
		this.output = output;
		this.api = api;
	}

	public static PrometheusServer start(Path directory, String configuration) throws IOException {
		Path binary = Binaries.locate("prometheus", "prometheus.bin", "PROMETHEUS_BIN");
		Path config = Files.writeString(directory.resolve("prometheus.yml"), configuration);
		Path output = directory.resolve("prometheus.log");
		int port = TestSocketUtils.findAvailableTcpPort();
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new PrometheusServer(process, output, URI.create("http://127.0.0.1:" + port));
	}

	public DocumentContext await(String pathAndQuery, Predicate<DocumentContext> condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		@Nullable DocumentContext last = null;
		while (true) {
			if (!this.process.isAlive()) {
				throw failure("Prometheus exited with status " + this.process.exitValue(), null);
			}
			last = get(pathAndQuery).orElse(last);
			if ((last != null && condition.test(last)) || System.nanoTime() - deadline >= 0) {
				break;
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		if (last == null) {
			throw failure("Prometheus did not answer %s within %s".formatted(pathAndQuery, timeout), null);
		}
		return last;
	}

	private Optional<DocumentContext> get(String pathAndQuery) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.api.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			// Before it is ready, Prometheus answers 503; before it listens, the
			// connection is refused. Both mean: ask again.
			return (response.statusCode() == 200) ? Optional.of(JsonPath.parse(response.body())) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	public AssertionError failure(String message, @Nullable Throwable cause) {
		return new AssertionError(message + "\n\nPrometheus output (" + this.output + "):\n" + output(), cause);
	}

	private String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

}
