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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key store that throws, fails, stalls or is flooded, through a real server: every
 * metrics request gets a prompt 401 or 503 in the usual error shape, never a 500, a
 * closed connection or a request that hangs, and neither the key nor the exception's
 * message reaches the client or the log.
 * <p>
 * The same scenarios for every adapter: a sample app's test implements this interface on
 * a {@code @SpringBootTest} that imports {@link MisbehavingKeyStore} and sets
 * {@code authenticator-timeout=1s}, {@code authenticator-max-in-flight=4} and
 * {@code authenticator-cache-ttl=0}.
 */
@ExtendWith(OutputCaptureExtension.class)
public interface KeyStoreFailureScenarios {

	/**
	 * Return a client for the server under test.
	 * @return the client
	 */
	RawHttpClient raw();

	/**
	 * Return the application's key store.
	 * @return the key store
	 */
	MisbehavingKeyStore keyStore();

	/**
	 * Return the application's meter registry.
	 * @return the registry
	 */
	MeterRegistry meterRegistry();

	@BeforeEach
	default void resetTheKeyStore() {
		keyStore().reset();
	}

	@Test
	default void servesTheMetricsToAKeyTheStoreAccepts() {
		RawResponse served = raw().send("GET", "/metrics", "Authorization: Bearer sk-good-key-0001");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_");
	}

	@Test
	default void rejectsAKeyTheStoreRefuses() {
		RawResponse rejected = raw().send("GET", "/metrics", "Authorization: Bearer sk-bad-key-0001");
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(rejected.body()).contains("\"type\":\"auth_error\"").doesNotContain("# TYPE");
	}

	@Test
	default void servesTheMetricsWhenTheStoreIsSlowButWithinTheTimeout() {
		assertThat(raw().send("GET", "/metrics", "Authorization: Bearer sk-slow-key-0001").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-throw-key-0001", "sk-error-key-0001", "sk-never-key-0001", "sk-slower-key-001" })
	default void answersAStoreThatCannotAnswerWithA503(String key, CapturedOutput output) {
		double errorsBefore = errors();
		long start = System.nanoTime();
		RawResponse response = raw().send("GET", "/metrics", "x-litellm-api-key: " + key);
		// A bound, not a timing: the store stalls for 3 s or forever, the timeout is 1 s.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer").isLessThan(Duration.ofSeconds(3));
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.head()).containsIgnoringCase("Retry-After: 5")
			.containsIgnoringCase("Cache-Control: no-store")
			.containsIgnoringCase("Content-Type: application/json");
		assertThat(response.body()).contains("\"type\":\"auth_unavailable\"")
			.contains("\"code\":\"503\"")
			.doesNotContain(key)
			.doesNotContain("key store")
			.doesNotContain("Exception");
		assertThat(errors()).isEqualTo(errorsBefore + 1);
		assertThat(output).doesNotContain(key).doesNotContain("key store is down");
	}

	@Test
	default void warnsWithTheExceptionTypeOnlyAndAtMostOnceInTenSeconds(CapturedOutput output) {
		for (int i = 0; i < 5; i++) {
			assertThat(raw().send("GET", "/metrics", "Authorization: Bearer sk-error-key-000" + i).status())
				.isEqualTo(503);
		}
		String log = output.toString();
		int warnings = log.split("Answered a metrics request with 503", -1).length - 1;
		assertThat(warnings).isBetween(0, 1);
		assertThat(log).doesNotContain("sk-error-key").doesNotContain("key store is down");
	}

	@Test
	default void boundsTheLookupsInFlightUnderAFloodOfRandomKeys() throws Exception {
		int requests = 120;
		Map<Integer, Integer> statuses = new TreeMap<>();
		ExecutorService clients = Executors.newFixedThreadPool(24);
		try {
			List<CompletableFuture<RawResponse>> responses = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				String key = "sk-flood-" + UUID.randomUUID();
				responses.add(CompletableFuture
					.supplyAsync(() -> raw().send("GET", "/metrics", "Authorization: Bearer " + key), clients));
			}
			for (CompletableFuture<RawResponse> response : responses) {
				statuses.merge(response.get(30, TimeUnit.SECONDS).status(), 1, Integer::sum);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(keyStore().maxInFlight()).as("lookups in flight at once").isBetween(1, 4);
		assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(401, 503);
		assertThat(statuses.get(503)).as("excess answered without a lookup").isPositive();
		assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests);
	}

	private double errors() {
		return meterRegistry().find("litellm.metrics.auth")
			.tag("outcome", "error")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
