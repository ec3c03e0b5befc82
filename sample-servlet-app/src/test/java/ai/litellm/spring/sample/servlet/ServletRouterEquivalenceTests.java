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

package ai.litellm.spring.sample.servlet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.RouterSurvey;
import ai.litellm.spring.test.RouterSurvey.Request;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet guard against the router, on Tomcat and on Jetty: every spelling of the
 * metrics paths from {@link ServletRouterSpellingsTests#SPELLINGS} is sent byte for byte
 * with every method of {@link RouterSurvey#METHODS} to the sample app without the guard,
 * to see which ones the container and Spring MVC serve as metrics, and to the guarded
 * app, where each of those must be the guard's 401. No request may get metrics out of the
 * guarded app without a key, none may make it fail with a 5xx or drop the connection, and
 * each one the router serves as metrics is served to the right key.
 * <p>
 * Both apps run on the same container, started as {@link ServletContainer} starts them,
 * so the container's own decoding and normalisation is the same on both sides. The
 * numbers are printed per container.
 */
class ServletRouterEquivalenceTests {

	@Nested
	class OnTomcat extends Scenarios {

		OnTomcat() {
			super(ServletContainer.TOMCAT);
		}

	}

	@Nested
	class OnJetty extends Scenarios {

		OnJetty() {
			super(ServletContainer.JETTY);
		}

	}

	@TestInstance(Lifecycle.PER_CLASS)
	abstract static class Scenarios {

		private static final String KEY = ServletSampleAppScenarios.KEY;

		private final ServletContainer container;

		private @Nullable ConfigurableApplicationContext unguardedApp;

		private @Nullable ConfigurableApplicationContext guardedApp;

		private final List<Exchange> exchanges = new ArrayList<>();

		Scenarios(ServletContainer container) {
			this.container = container;
		}

		@BeforeAll
		void sendEverySpellingToTheAppWithAndWithoutTheGuard() {
			// Neither app is a @SpringBootTest: nothing but the class loader chooses the
			// container, and both read the same application.yml.
			ConfigurableApplicationContext unguardedApp = this.container.run("--server.port=0",
					"--litellm.require-auth-for-metrics-endpoint=false", "--spring.main.banner-mode=off");
			this.unguardedApp = unguardedApp;
			ConfigurableApplicationContext guardedApp = this.container.run("--server.port=0",
					"--litellm.require-auth-for-metrics-endpoint=true", "--litellm.master-key=" + KEY,
					"--spring.main.banner-mode=off");
			this.guardedApp = guardedApp;
			RawHttpClient unguarded = new RawHttpClient(ServletContainer.port(unguardedApp));
			RawHttpClient guarded = new RawHttpClient(ServletContainer.port(guardedApp));
			for (String method : RouterSurvey.METHODS) {
				for (String target : ServletRouterSpellingsTests.SPELLINGS) {
					this.exchanges.add(new Exchange(new Request(method, target), unguarded.send(method, target),
							guarded.send(method, target)));
				}
			}
			List<Exchange> served = servedByTheRouter();
			long rejected = served.stream().filter(Exchange::rejectedByTheGuard).count();
			System.out.printf(
					"Servlet router equivalence (%s): %d spellings x %d methods, %d served as metrics by the router, "
							+ "%d of them 401 with the guard%n",
					this.container, ServletRouterSpellingsTests.SPELLINGS.size(), RouterSurvey.METHODS.size(),
					served.size(), rejected);
		}

		@AfterAll
		void stopBothApps() {
			if (this.guardedApp != null) {
				this.guardedApp.close();
			}
			if (this.unguardedApp != null) {
				this.unguardedApp.close();
			}
		}

		@Test
		void guardsWithTheServletFilter() {
			assertThat(this.guardedApp).isNotNull();
			assertThat(
					this.guardedApp.getBean("metricsAuthFilterRegistration", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(MetricsAuthServletFilter.class);
		}

		@Test
		void sendsManySpellingsTheRouterServesAsMetrics() {
			assertThat(ServletRouterSpellingsTests.SPELLINGS).hasSizeGreaterThan(150);
			assertThat(this.exchanges)
				.hasSize(ServletRouterSpellingsTests.SPELLINGS.size() * RouterSurvey.METHODS.size());
			assertThat(servedByTheRouter()).hasSizeGreaterThan(50);
		}

		@Test
		void rejectsEveryRequestTheRouterServesAsMetricsWithTheGuards401() {
			assertThat(servedByTheRouter()).filteredOn((exchange) -> !exchange.rejectedByTheGuard())
				.as("requests the router serves as metrics that the guard does not reject")
				.isEmpty();
		}

		@Test
		void neverServesMetricsWithoutAKey() {
			assertThat(this.exchanges).filteredOn((exchange) -> RouterSurvey.isMetrics(exchange.guarded()))
				.as("requests served as metrics by the guarded app without a key")
				.isEmpty();
		}

		@Test
		void answersEveryRequestWithoutAServerErrorOrADroppedConnection() {
			assertThat(this.exchanges)
				.filteredOn((exchange) -> exchange.guarded().status() >= 500 || exchange.guarded().status() < 100)
				.as("requests the guarded app answers with a 5xx or not at all")
				.isEmpty();
		}

		@Test
		void servesEveryRequestTheRouterServesAsMetricsToTheRightKey() {
			RawHttpClient guarded = guarded();
			List<String> refused = new ArrayList<>();
			for (Exchange exchange : servedByTheRouter()) {
				Request request = exchange.request();
				RawResponse withKey = guarded.send(request.method(), request.target(), "Authorization: Bearer " + KEY);
				if (!RouterSurvey.isMetrics(withKey)) {
					refused.add(request + " -> " + withKey.status());
				}
			}
			assertThat(refused).as("requests the router serves as metrics that the guard refuses to the right key")
				.isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "/%zz", "/metrics%", "/metrics%zz", "/%", "/%6", "/me%G1trics",
				"/actuator/%zzprometheus", "/metrics/%", "/actuator/prometheus%", "/actuator%zz/prometheus" })
		void answersMalformedEncodingsWithAClientError(String target) {
			for (String method : RouterSurvey.METHODS) {
				RawResponse response = guarded().send(method, target);
				assertThat(response.status()).as("%s %s", method, target).isBetween(400, 499);
				assertThat(RouterSurvey.isMetrics(response)).as("%s %s", method, target).isFalse();
			}
		}

		@ParameterizedTest
		@ValueSource(strings = { "/%6Detrics", "/metrics;a=b", "/metrics;jsessionid=x", "/actuator;x/%70rometheus",
				"/actuator/prometheus;", "/%61%63%74%75%61%74%6F%72/%70%72%6F%6D%65%74%68%65%75%73", "/metrics?x" })
		void servesOddSpellingsToTheRightKeyInEveryForm(String target) {
			String basic = Base64.getEncoder().encodeToString(("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8));
			for (String credentials : List.of("Authorization: Bearer " + KEY, "Authorization: Basic " + basic,
					"x-litellm-api-key: " + KEY)) {
				RawResponse served = guarded().send("GET", target, credentials);
				assertThat(served.status()).as("%s with %s", target, credentials).isEqualTo(200);
				assertThat(RouterSurvey.isMetrics(served)).as("%s with %s", target, credentials).isTrue();
			}
			RawResponse wrongKey = guarded().send("GET", target, "Authorization: Bearer sk-wrong");
			assertThat(wrongKey.status()).as("%s with a wrong key", target).isEqualTo(401);
		}

		private List<Exchange> servedByTheRouter() {
			return this.exchanges.stream().filter((exchange) -> RouterSurvey.isMetrics(exchange.unguarded())).toList();
		}

		private RawHttpClient guarded() {
			assertThat(this.guardedApp).isNotNull();
			return new RawHttpClient(ServletContainer.port(this.guardedApp));
		}

	}

	/**
	 * One request, as the app without the guard and the guarded app answered it.
	 *
	 * @param request the request
	 * @param unguarded the answer of the app without the guard
	 * @param guarded the answer of the guarded app
	 */
	private record Exchange(Request request, RawResponse unguarded, RawResponse guarded) {

		/**
		 * Whether the guarded app answered with the guard's 401: its JSON error body, or
		 * for {@code HEAD} its head alone.
		 * @return whether the guard rejected the request
		 */
		boolean rejectedByTheGuard() {
			return this.guarded.status() == 401
					&& ("HEAD".equals(this.request.method()) || this.guarded.body().contains("\"auth_error\""));
		}

		/**
		 * Describe the request and both answers in full, minus the metrics themselves:
		 * what a report of a spelling that gets past the guard needs.
		 */
		@Override
		public String toString() {
			return "%s%n  without the guard: %s%n  with the guard:    %s%n    %s".formatted(this.request,
					this.unguarded.head().lines().findFirst().orElse("(no response)"),
					this.guarded.head().replace("\r\n", "\n    "), abbreviate(this.guarded.body()));
		}

		private static String abbreviate(String body) {
			String oneLine = body.replace("\n", "\\n");
			return (oneLine.length() > 200) ? oneLine.substring(0, 200) + "..." : oneLine;
		}

	}

}
