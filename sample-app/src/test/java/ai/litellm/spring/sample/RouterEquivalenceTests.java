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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.litellm.spring.test.MetricsPathSpellings;
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard against the router: systematically generated spellings of the metrics paths
 * are sent byte for byte to the sample app without the guard, to see which ones the
 * router serves as metrics, and to the guarded app, where each of those must be a 401. No
 * spelling may get metrics out of the guarded app without a key, and none may make it
 * fail with a 5xx.
 */
class RouterEquivalenceTests {

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "litellm.master-key=" + SampleAppScenarios.KEY)
	abstract static class Scenarios extends SampleAppScenarios {

		private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS", "PUT");

		private static final List<String> GUARDED_PATHS = MetricsPathSpellings.SAMPLE_APP_PATHS;

		private static ConfigurableApplicationContext unguardedApp;

		private static RawHttpClient unguarded;

		@BeforeAll
		static void startTheAppWithoutTheGuard() {
			unguardedApp = new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
					"--litellm.require-auth-for-metrics-endpoint=false", "--spring.main.banner-mode=off");
			unguarded = new RawHttpClient(
					unguardedApp.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		}

		@AfterAll
		static void stopTheAppWithoutTheGuard() {
			unguardedApp.close();
		}

		@Test
		void everySpellingTheRouterServesAsMetricsNeedsAKey() {
			List<String> bypasses = new ArrayList<>();
			List<String> serverErrors = new ArrayList<>();
			int servedByRouter = 0;
			Set<String> targets = MetricsPathSpellings.of(GUARDED_PATHS);
			for (String method : METHODS) {
				for (String target : targets) {
					RawResponse open = unguarded.send(method, target);
					RawResponse guarded = raw().send(method, target);
					String request = method + " " + target;
					if (isMetrics(open)) {
						servedByRouter++;
						if (guarded.status() != 401) {
							bypasses.add(request + " -> " + guarded.status());
						}
					}
					if (isMetrics(guarded)) {
						bypasses.add(request + " -> metrics served without a key");
					}
					if (guarded.status() >= 500 || guarded.status() < 100) {
						serverErrors.add(request + " -> " + guarded.status());
					}
				}
			}
			System.out.printf(
					"Router equivalence (%s): %d spellings x %d methods, %d served as metrics by the router%n",
					this.adapter, targets.size(), METHODS.size(), servedByRouter);
			assertThat(bypasses).as("spellings that get past the guard").isEmpty();
			assertThat(serverErrors).as("spellings that break the guarded app").isEmpty();
			assertThat(targets).hasSizeGreaterThan(100);
			assertThat(servedByRouter).as("spellings the router serves as metrics").isGreaterThan(50);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/%zz", "/metrics%", "/metrics%zz", "/%", "/%6", "/me%G1trics",
				"/actuator/%zzprometheus", "/metrics/%" })
		void answersMalformedEncodingsWithAClientError(String target) {
			RawResponse response = raw().send("GET", target);
			assertThat(response.status()).as(target).isBetween(400, 499);
			assertThat(response.body()).doesNotContain("# TYPE");
		}

		@Test
		void servesEverySpellingTheRouterServesToTheRightKey() {
			for (String target : List.of("/%6Detrics", "/metrics;a=b", "/actuator;x/%70rometheus", "/metrics?x")) {
				RawResponse served = raw().send("GET", target, "Authorization: Bearer " + SampleAppScenarios.KEY);
				assertThat(served.status()).as(target).isEqualTo(200);
				assertThat(isMetrics(served)).as(target).isTrue();
			}
		}

		private static boolean isMetrics(RawResponse response) {
			return response.status() == 200 && (response.body().contains("# TYPE")
					|| response.head().toLowerCase(Locale.ROOT).contains("content-type: text/plain;version=0.0.4"));
		}

	}

}
