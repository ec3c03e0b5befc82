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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key store whose lookup blocks its thread for 3 s, past the guard's timeout of 500 ms,
 * through a real server: each metrics request with a key the store would look up is
 * answered with the guard's 503 when the timeout fires, well before the lookup would end,
 * however the lookup is written. Before, the timeout could not fire while a synchronous
 * lookup held the request thread (servlet), nor answer while a lookup that blocks inside
 * its {@code Mono} held the event loop it was subscribed on (WebFlux): the answer came
 * after the 3 s.
 * <p>
 * The same scenario for every stack and adapter: a sample app's test implements this
 * interface on an application with {@link MisbehavingKeyStore} and {@link #TIMEOUT}.
 */
public interface KeyStoreTimeoutScenarios {

	/**
	 * The timeout the application sets.
	 */
	String TIMEOUT = "litellm.metrics-auth.authenticator-timeout=500ms";

	/**
	 * Return a client for the server under test.
	 * @return the client
	 */
	RawHttpClient raw();

	/**
	 * Return the application's meter registry.
	 * @return the registry
	 */
	MeterRegistry meterRegistry();

	@Test
	default void answersLookupsThatBlockPastTheTimeoutWithA503WellBeforeTheyEnd(TestInfo test) throws Exception {
		// A first lookup, so that the times measure the timeout, not a cold start.
		assertThat(raw().send("GET", "/metrics", "Authorization: Bearer sk-good-warm-up-key").status()).isEqualTo(200);
		double timeoutsBefore = timeouts();
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
		assertThat(timeouts()).as("timeouts counted").isEqualTo(timeoutsBefore + requests);
	}

	private Duration timeToA503(String key) {
		long start = System.nanoTime();
		RawResponse response = raw().send("GET", "/metrics", "Authorization: Bearer " + key);
		Duration time = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.status()).as("status with %s", key).isEqualTo(503);
		assertThat(response.body()).contains("\"type\":\"auth_unavailable\"").doesNotContain("# TYPE");
		return time;
	}

	private double timeouts() {
		return meterRegistry().find("litellm.metrics.auth")
			.tags("outcome", "error", "reason", "timeout")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
