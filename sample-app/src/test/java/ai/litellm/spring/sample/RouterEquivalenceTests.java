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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
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
 * fail with a 5xx. Besides the sample app as it is (with either adapter), the settings
 * include actuator paths that hold a {@code ;} or a {@code %}, which Spring maps
 * literally: {@code prom;x} is reached as {@code /actuator/prom%3Bx}. A setting that
 * moves a path sends the spellings of that path only.
 */
class RouterEquivalenceTests {

	/**
	 * Spellings the sample app as it is serves as metrics, which must also be served to
	 * the right key.
	 */
	private static final List<String> SAMPLE_APP_ROUTED_TO_METRICS = List.of("/%6Detrics", "/metrics;a=b",
			"/actuator;x/%70rometheus", "/metrics?x");

	@Nested
	class WithWebFilter extends Scenarios {

		WithWebFilter() {
			super(MetricsPathSpellings.SAMPLE_APP_PATHS, SAMPLE_APP_ROUTED_TO_METRICS);
		}

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

		WithHttpHandler() {
			super(MetricsPathSpellings.SAMPLE_APP_PATHS, SAMPLE_APP_ROUTED_TO_METRICS);
		}

	}

	@Nested
	@TestPropertySource(properties = WithAPrometheusPathHoldingASemicolon.MAPPING)
	class WithAPrometheusPathHoldingASemicolon extends Scenarios {

		static final String MAPPING = "management.endpoints.web.path-mapping.prometheus=prom;x";

		WithAPrometheusPathHoldingASemicolon() {
			super(List.of("/actuator/prom;x"), List.of("/actuator/prom%3Bx", "/actuator/prom%3bx"), MAPPING);
		}

	}

	@Nested
	@TestPropertySource(
			properties = { WithAPrometheusPathHoldingAPercentSign.MAPPING, SampleAppScenarios.HTTP_HANDLER })
	class WithAPrometheusPathHoldingAPercentSign extends Scenarios {

		static final String MAPPING = "management.endpoints.web.path-mapping.prometheus=prom%2Fx";

		WithAPrometheusPathHoldingAPercentSign() {
			super(List.of("/actuator/prom%2Fx"), List.of("/actuator/prom%252Fx"), MAPPING);
		}

	}

	/**
	 * The scenarios of one setting: the app without the guard is started with the same
	 * settings as the guarded one, which a subclass gives as test properties too.
	 */
	@TestInstance(Lifecycle.PER_CLASS)
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "litellm.master-key=" + SampleAppScenarios.KEY)
	abstract static class Scenarios extends SampleAppScenarios {

		private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS", "PUT");

		private final Set<String> targets;

		private final List<String> routedToMetrics;

		private final List<String> settings;

		private @Nullable ConfigurableApplicationContext unguardedApp;

		/**
		 * Create the scenarios of a setting.
		 * @param guardedPaths the paths whose spellings are sent
		 * @param routedToMetrics request targets the setting is known to serve as metrics
		 * @param settings the properties of the setting, which the subclass also gives as
		 * test properties
		 */
		Scenarios(List<String> guardedPaths, List<String> routedToMetrics, String... settings) {
			Set<String> targets = MetricsPathSpellings.of(guardedPaths);
			targets.addAll(routedToMetrics);
			this.targets = targets;
			this.routedToMetrics = routedToMetrics;
			this.settings = List.of(settings);
		}

		@BeforeAll
		void startTheAppWithoutTheGuard() {
			List<String> args = new ArrayList<>(List.of("--server.port=0",
					"--litellm.require-auth-for-metrics-endpoint=false", "--spring.main.banner-mode=off"));
			this.settings.forEach((setting) -> args.add("--" + setting));
			this.unguardedApp = new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
		}

		@AfterAll
		void stopTheAppWithoutTheGuard() {
			if (this.unguardedApp != null) {
				this.unguardedApp.close();
			}
		}

		@Test
		void everySpellingTheRouterServesAsMetricsNeedsAKey() {
			RawHttpClient unguarded = unguarded();
			List<String> bypasses = new ArrayList<>();
			List<String> serverErrors = new ArrayList<>();
			List<String> served = new ArrayList<>();
			for (String method : METHODS) {
				for (String target : this.targets) {
					RawResponse open = unguarded.send(method, target);
					RawResponse guarded = raw().send(method, target);
					String request = method + " " + target;
					if (isMetrics(open)) {
						served.add(request);
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
					"Router equivalence (%s%s): %d spellings x %d methods, %d served as metrics by the router%n",
					this.adapter, this.settings.isEmpty() ? "" : " " + this.settings, this.targets.size(),
					METHODS.size(), served.size());
			assertThat(bypasses).as("spellings that get past the guard").isEmpty();
			assertThat(serverErrors).as("spellings that break the guarded app").isEmpty();
			assertThat(this.targets).hasSizeGreaterThan(50);
			assertThat(served).as("spellings the router serves as metrics")
				.isNotEmpty()
				.containsAll(this.routedToMetrics.stream().map((target) -> "GET " + target).toList());
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
		void servesWhatTheSettingIsKnownToRouteToTheMetricsToTheRightKey() {
			for (String target : this.routedToMetrics) {
				RawResponse served = raw().send("GET", target, "Authorization: Bearer " + SampleAppScenarios.KEY);
				assertThat(served.status()).as(target).isEqualTo(200);
				assertThat(isMetrics(served)).as(target).isTrue();
			}
		}

		private RawHttpClient unguarded() {
			assertThat(this.unguardedApp).isNotNull();
			return new RawHttpClient(
					this.unguardedApp.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		}

		private static boolean isMetrics(RawResponse response) {
			return response.status() == 200 && (response.body().contains("# TYPE")
					|| response.head().toLowerCase(Locale.ROOT).contains("content-type: text/plain;version=0.0.4"));
		}

	}

}
