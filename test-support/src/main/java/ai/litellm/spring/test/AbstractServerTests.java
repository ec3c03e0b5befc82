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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What depends on the server's own threads and connections, so runs on every container
 * and adapter: a key store lookup that blocks past the timeout (3 s against 500 ms) is
 * answered with a 503 when the timeout fires, however the lookup is written; a mixed load
 * of health checks, chat completions and scrapes with good, missing, wrong and malformed
 * keys gets exactly the expected answers; and a real Prometheus
 * ({@link PrometheusServer}) scrapes with the key as a Bearer token or Basic password and
 * marks a wrong key's target down with a 401.
 *
 * @author LiteLLM Spring Boot contributors
 */
public abstract class AbstractServerTests extends SampleAppFixture {

	private static final Map<String, String> HEALTH_BY_JOB = Map.of("bearer", "up", "basic", "up", "actuator-basic",
			"up", "wrong-key", "down");

	protected AbstractServerTests(SampleApp sampleApp) {
		super(sampleApp);
	}

	private ConfigurableApplicationContext blocking() {
		return app(new Class<?>[] { MisbehavingKeyStore.class }, "litellm.metrics-auth.authenticator-timeout=500ms");
	}

	@Test
	void answersLookupsThatBlockPastTheTimeoutWithA503WellBeforeTheyEnd(TestInfo test) throws Exception {
		// A first lookup, so that the times measure the timeout, not a cold start.
		assertThat(raw(blocking()).send("GET", "/metrics", "Authorization: Bearer sk-good-warm-up-key").status())
			.isEqualTo(200);
		double timeoutsBefore = counted(blocking(), "outcome", "error", "reason", "timeout");
		int requests = 4;
		List<CompletableFuture<Duration>> answers = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(requests);
		try {
			for (int i = 0; i < requests; i++) {
				String key = "sk-blocking-key-000" + i;
				answers.add(CompletableFuture.supplyAsync(() -> timeToA503(key), clients));
			}
			List<Duration> times = new ArrayList<>();
			for (CompletableFuture<Duration> answer : answers) {
				times.add(answer.get(30, TimeUnit.SECONDS));
			}
			System.out.printf("Lookups blocking for 3 s, timeout 500 ms (%s %s): answered 503 after %s%n",
					test.getTestClass().map(Class::getName).orElse(""), test.getDisplayName(),
					times.stream().map((time) -> time.toMillis() + " ms").toList());
			assertThat(times).as("times to answer")
				.allSatisfy((time) -> assertThat(time).isLessThan(Duration.ofSeconds(2)));
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(counted(blocking(), "outcome", "error", "reason", "timeout")).as("timeouts counted")
			.isEqualTo(timeoutsBefore + requests);
	}

	private Duration timeToA503(String key) {
		long start = System.nanoTime();
		RawResponse response = raw(blocking()).send("GET", "/metrics", "Authorization: Bearer " + key);
		Duration time = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.status()).as("status with %s", key).isEqualTo(503);
		assertThat(response.body()).contains("\"type\":\"auth_unavailable\"").doesNotContain("# TYPE");
		return time;
	}

	// A bounded load on loopback: 10,000 requests, 64 in flight, each kind equally often.
	@Test
	@Tag("load")
	void answersEveryRequestOfAMixedLoadAsExpected() throws Exception {
		String basic = Base64.getEncoder().encodeToString(("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8));
		Predicate<String> metrics = (body) -> body.contains("# TYPE jvm_");
		Predicate<String> rejected = (body) -> body.contains("\"auth_error\"") && !body.contains("# TYPE");
		Predicate<String> ok = "ok"::equals;
		List<LoadKind> kinds = List.of(new LoadKind("health", "/health", null, null, 200, ok),
				new LoadKind("chat", "/chat/completions", null, "{\"model\":\"m\",\"messages\":[]}", 200,
						(body) -> body.contains("chat.completion")),
				new LoadKind("bearer", "/metrics", "Bearer " + KEY, null, 200, metrics),
				new LoadKind("basic", "/metrics", "Basic " + basic, null, 200, metrics),
				new LoadKind("no-key", "/metrics", null, null, 401, rejected),
				new LoadKind("wrong-key", "/actuator/prometheus", "Bearer sk-wrong", null, 401, rejected),
				new LoadKind("malformed", "/metrics", "Basic %%%", null, 401, rejected),
				new LoadKind("health-with-bad-key", "/health", "Bearer sk-wrong", null, 200, ok));
		int port = port(guarded());
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Semaphore inFlight = new Semaphore(64);
		Map<String, Long> counts = new ConcurrentHashMap<>();
		List<CompletableFuture<Void>> requests = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			LoadKind kind = kinds.get(i % kinds.size());
			inFlight.acquire();
			requests.add(client.sendAsync(kind.request(port), BodyHandlers.ofString()).handle((response, failure) -> {
				inFlight.release();
				String outcome = (failure != null) ? kind.name() + " failed: " + failure : kind.name() + " "
						+ response.statusCode() + (kind.expected().test(response.body()) ? "" : " unexpected");
				counts.merge(outcome, 1L, Long::sum);
				return null;
			}));
		}
		CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
		System.out.printf("Mixed load (%s): %s%n", getClass().getName(), new TreeMap<>(counts));
		Map<String, Long> expected = new TreeMap<>();
		kinds.forEach((kind) -> expected.put(kind.name() + " " + kind.status(), 10_000L / kinds.size()));
		assertThat(counts).isEqualTo(expected);
	}

	@Test
	void isScrapedByPrometheusWithTheKeyAndMarkedDownWithAWrongOne(@TempDir Path directory) throws Exception {
		String target = "127.0.0.1:" + port(guarded());
		try (PrometheusServer prometheus = PrometheusServer.start(directory, """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				scrape_configs:
				  - job_name: bearer
				    authorization: {type: Bearer, credentials: '%1$s'}
				    static_configs: [{targets: ['%3$s']}]
				  - job_name: basic
				    basic_auth: {username: prometheus, password: '%1$s'}
				    static_configs: [{targets: ['%3$s']}]
				  - job_name: actuator-basic
				    metrics_path: /actuator/prometheus
				    basic_auth: {username: prometheus, password: '%1$s'}
				    static_configs: [{targets: ['%3$s']}]
				  - job_name: wrong-key
				    authorization: {type: Bearer, credentials: '%2$s'}
				    static_configs: [{targets: ['%3$s']}]
				""".formatted(KEY, "sk-sample-wrong-key", target))) {
			// Waits until every target shows the expected health, so that one slow first
			// scrape on a busy machine does not fail the build.
			DocumentContext targets = prometheus.await("/api/v1/targets",
					(answer) -> byJob(answer, "activeTargets", "labels", "health").equals(HEALTH_BY_JOB),
					Duration.ofSeconds(60));
			try {
				List<Map<String, Object>> active = targets.read("$.data.activeTargets[*]");
				assertThat(active).hasSize(4);
				for (Map<String, Object> job : active) {
					boolean wrongKey = "wrong-key".equals(JsonPath.read(job, "$.labels.job"));
					assertThat(job.get("health")).as("health of %s", job).isEqualTo(wrongKey ? "down" : "up");
					assertThat(String.valueOf(job.get("lastError"))).as("last error of %s", job)
						.matches(wrongKey ? ".*401.*" : "");
				}
				DocumentContext up = prometheus.await("/api/v1/query?query=up",
						(answer) -> byJob(answer, "result", "metric", "value[1]")
							.equals(Map.of("bearer", "1", "basic", "1", "actuator-basic", "1", "wrong-key", "0")),
						Duration.ofSeconds(60));
				assertThat(byJob(up, "result", "metric", "value[1]")).as("up by job in %s", up.jsonString())
					.isEqualTo(Map.of("bearer", "1", "basic", "1", "actuator-basic", "1", "wrong-key", "0"));
			}
			catch (AssertionError failure) {
				throw prometheus.failure(String.valueOf(failure.getMessage()), failure);
			}
		}
	}

	private static Map<String, String> byJob(DocumentContext answer, String list, String labels, String value) {
		Map<String, String> byJob = new TreeMap<>();
		List<Map<String, Object>> entries = answer.read("$.data." + list + "[*]");
		for (Map<String, Object> entry : entries) {
			byJob.put(JsonPath.read(entry, "$." + labels + ".job"),
					String.valueOf((Object) JsonPath.read(entry, "$." + value)));
		}
		return byJob;
	}

	private record LoadKind(String name, String path, @Nullable String authorization, @Nullable String body, int status,
			Predicate<String> expected) {

		HttpRequest request(int port) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + this.path))
				.timeout(Duration.ofSeconds(30));
			if (this.authorization != null) {
				builder.header("Authorization", this.authorization);
			}
			if (this.body != null) {
				builder.header("Content-Type", "application/json").POST(BodyPublishers.ofString(this.body));
			}
			return builder.build();
		}

	}

}
