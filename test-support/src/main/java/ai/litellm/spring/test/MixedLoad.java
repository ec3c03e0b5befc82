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
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A bounded load on loopback against a guarded sample app: 10,000 requests, 64 in flight,
 * mixing health checks, chat completions and metrics scrapes with good, missing, wrong
 * and malformed keys, each kind equally often.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class MixedLoad {

	private static final int REQUESTS = 10_000;

	private static final int IN_FLIGHT = 64;

	private final List<Kind> kinds;

	public MixedLoad(String key) {
		String basic = Base64.getEncoder().encodeToString(("prometheus:" + key).getBytes(StandardCharsets.UTF_8));
		Predicate<HttpResponse<String>> metrics = (response) -> response.body().contains("# TYPE jvm_");
		Predicate<HttpResponse<String>> rejected = (response) -> response.body().contains("\"auth_error\"")
				&& !response.body().contains("# TYPE");
		Predicate<HttpResponse<String>> ok = (response) -> "ok".equals(response.body());
		this.kinds = List.of(new Kind("health", "/health", null, null, 200, ok),
				new Kind("chat", "/chat/completions", null, "{\"model\":\"m\",\"messages\":[]}", 200,
						(response) -> response.body().contains("chat.completion")),
				new Kind("bearer", "/metrics", "Bearer " + key, null, 200, metrics),
				new Kind("basic", "/metrics", "Basic " + basic, null, 200, metrics),
				new Kind("no-key", "/metrics", null, null, 401, rejected),
				new Kind("wrong-key", "/actuator/prometheus", "Bearer sk-wrong", null, 401, rejected),
				new Kind("malformed", "/metrics", "Basic %%%", null, 401, rejected),
				new Kind("health-with-bad-key", "/health", "Bearer sk-wrong", null, 200, ok));
	}

	public Map<String, Long> send(int port) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Semaphore inFlight = new Semaphore(IN_FLIGHT);
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		List<CompletableFuture<Void>> requests = new ArrayList<>(REQUESTS);
		for (int i = 0; i < REQUESTS; i++) {
			Kind kind = this.kinds.get(i % this.kinds.size());
			inFlight.acquire();
			requests.add(client.sendAsync(kind.request(port), BodyHandlers.ofString()).handle((response, failure) -> {
				inFlight.release();
				String outcome = (failure != null) ? kind.name + " failed: " + failure
						: kind.name + " " + response.statusCode() + (kind.expected.test(response) ? "" : " unexpected");
				outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
				return null;
			}));
		}
		CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
		Map<String, Long> counts = new TreeMap<>();
		outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
		return counts;
	}

	public Map<String, Long> expected() {
		Map<String, Long> expected = new TreeMap<>();
		for (Kind kind : this.kinds) {
			expected.put(kind.name + " " + kind.status, (long) REQUESTS / this.kinds.size());
		}
		return expected;
	}

	private record Kind(String name, String path, @Nullable String authorization, @Nullable String body, int status,
			Predicate<HttpResponse<String>> expected) {

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
