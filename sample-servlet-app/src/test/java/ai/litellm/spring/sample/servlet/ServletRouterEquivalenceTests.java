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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import ai.litellm.spring.test.MetricsPathSpellings;
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
 * The servlet guard against the router, on Tomcat and on Jetty, as the sample app runs
 * and in settings that change what the router serves: Spring MVC's legacy Ant path
 * matching (with suffix patterns where Spring MVC still has them) behind each of Tomcat's
 * handlings of encoded slashes, Jetty's relaxed URI compliance modes, and actuator paths
 * that hold a {@code ;} or a {@code %}. In each setting, spellings of the metrics paths
 * (see {@link ServletRouterSpellingsTests#SPELLINGS}) are sent byte for byte to the
 * sample app without the guard, to see which ones the container and Spring MVC serve as
 * metrics, and to the guarded app, where each of those must be the guard's 401. No
 * request may get metrics out of the guarded app without a key, none may make it fail
 * with a 5xx or drop the connection, and each one the router serves as metrics is served
 * to the right key. Requests for other paths, some with encoded slashes, must get the
 * same answer from both apps: the guard passes them untouched.
 * <p>
 * Both apps of a setting run on the same container, started as {@link ServletContainer}
 * starts them, so the container's own decoding and normalisation is the same on both
 * sides. The numbers are printed per setting.
 */
class ServletRouterEquivalenceTests {

	/**
	 * Requests that are not for the metrics, which the guard must pass untouched:
	 * spellings of the sample's health route and of an application route whose variable
	 * holds an encoded slash ({@link RoutingSettings.Files}).
	 */
	private static final Set<String> OTHER_SPELLINGS = MetricsPathSpellings.of(List.of("/health", "/files/a%2Fb.pdf"));

	@Nested
	class OnTomcat extends Scenarios {

		OnTomcat() {
			super(Setting.on(ServletContainer.TOMCAT));
		}

	}

	@Nested
	class OnJetty extends Scenarios {

		OnJetty() {
			super(Setting.on(ServletContainer.JETTY));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherRejectingEncodedSlashes extends Scenarios {

		OnTomcatWithTheAntMatcherRejectingEncodedSlashes() {
			super(Setting.antMatcherOnTomcat("reject", "/metrics", "/;/metrics", "/metrics;a=b"));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherDecodingEncodedSlashes extends Scenarios {

		OnTomcatWithTheAntMatcherDecodingEncodedSlashes() {
			super(Setting.antMatcherOnTomcat("decode", "/metrics", "/%2Fmetrics", "/%2F/%6detrics"));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherPassingEncodedSlashesThrough extends Scenarios {

		OnTomcatWithTheAntMatcherPassingEncodedSlashesThrough() {
			super(Setting.antMatcherOnTomcat("passthrough", "/metrics", "/%2Fmetrics", "/%2fmetrics", "/%2F/%6detrics",
					"/%2F/metrics;x=1"));
		}

	}

	@Nested
	class OnJettyWithLegacyUriCompliance extends Scenarios {

		OnJettyWithLegacyUriCompliance() {
			super(Setting.relaxedUriComplianceOnJetty("LEGACY"));
		}

	}

	@Nested
	class OnJettyWithUnsafeUriCompliance extends Scenarios {

		OnJettyWithUnsafeUriCompliance() {
			super(Setting.relaxedUriComplianceOnJetty("UNSAFE"));
		}

	}

	@Nested
	class OnJettyWithLegacyUriComplianceAndTheAntMatcher extends Scenarios {

		OnJettyWithLegacyUriComplianceAndTheAntMatcher() {
			super(Setting.on(ServletContainer.JETTY)
				.with(RoutingSettings.ContainerOptions.class, "--" + RoutingSettings.URI_COMPLIANCE + "=LEGACY")
				.withTheAntMatcher()
				.routing("/metrics", "/%2Fmetrics", "/%2fmetrics", "/%2F/%6detrics", "/%2F/metrics;x=1"));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherPassingEncodedSlashesThroughUnderAContextPath extends Scenarios {

		OnTomcatWithTheAntMatcherPassingEncodedSlashesThroughUnderAContextPath() {
			super(Setting.antMatcherOnTomcat("passthrough", "/metrics", "/%2Fmetrics", "/%2F/%6detrics")
				.underContextPath("/app"));
		}

	}

	@Nested
	class OnJettyWithLegacyUriComplianceAndTheAntMatcherUnderAContextPath extends Scenarios {

		OnJettyWithLegacyUriComplianceAndTheAntMatcherUnderAContextPath() {
			super(Setting.on(ServletContainer.JETTY)
				.with(RoutingSettings.ContainerOptions.class, "--" + RoutingSettings.URI_COMPLIANCE + "=LEGACY")
				.withTheAntMatcher()
				.routing("/metrics", "/%2Fmetrics", "/%2F/%6detrics")
				.underContextPath("/app"));
		}

	}

	@Nested
	class OnJettyWithAPrometheusPathHoldingASemicolon extends Scenarios {

		OnJettyWithAPrometheusPathHoldingASemicolon() {
			super(Setting.prometheusMappedTo(ServletContainer.JETTY, "prom;x", "/actuator/prom%3Bx",
					"/actuator/prom%3bx"));
		}

	}

	@Nested
	class OnTomcatWithAPrometheusPathHoldingAPercentSign extends Scenarios {

		OnTomcatWithAPrometheusPathHoldingAPercentSign() {
			super(Setting.prometheusMappedTo(ServletContainer.TOMCAT, "prom%2Fx", "/actuator/prom%252Fx"));
		}

	}

	@TestInstance(Lifecycle.PER_CLASS)
	abstract static class Scenarios {

		private static final String KEY = ServletSampleAppScenarios.KEY;

		private final Setting setting;

		private @Nullable ConfigurableApplicationContext unguardedApp;

		private @Nullable ConfigurableApplicationContext guardedApp;

		private final List<Exchange> exchanges = new ArrayList<>();

		private final List<Exchange> others = new ArrayList<>();

		Scenarios(Setting setting) {
			this.setting = setting;
		}

		@BeforeAll
		void sendEverySpellingToTheAppWithAndWithoutTheGuard() {
			long start = System.nanoTime();
			// Neither app is a @SpringBootTest: nothing but the class loader chooses the
			// container, and both read the same application.yml.
			ConfigurableApplicationContext unguardedApp = this.setting
				.run("--litellm.require-auth-for-metrics-endpoint=false");
			this.unguardedApp = unguardedApp;
			ConfigurableApplicationContext guardedApp = this.setting
				.run("--litellm.require-auth-for-metrics-endpoint=true", "--litellm.master-key=" + KEY);
			this.guardedApp = guardedApp;
			RawHttpClient unguarded = new RawHttpClient(ServletContainer.port(unguardedApp));
			RawHttpClient guarded = new RawHttpClient(ServletContainer.port(guardedApp));
			for (String method : this.setting.methods()) {
				for (String target : this.setting.targets()) {
					this.exchanges.add(new Exchange(new Request(method, target), unguarded.send(method, target),
							guarded.send(method, target)));
				}
			}
			for (String target : this.setting.otherTargets()) {
				this.others.add(new Exchange(new Request("GET", target), unguarded.send("GET", target),
						guarded.send("GET", target)));
			}
			List<Exchange> served = servedByTheRouter();
			long rejected = served.stream().filter(Exchange::rejectedByTheGuard).count();
			System.out.printf(
					"Servlet router equivalence (%s): %d spellings x %d methods, %d served as metrics by the router, "
							+ "%d of them 401 with the guard; %d other requests; %d ms%n",
					this.setting, this.setting.targets().size(), this.setting.methods().size(), served.size(), rejected,
					this.others.size(), (System.nanoTime() - start) / 1_000_000);
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
			assertThat(this.setting.spellings()).hasSizeGreaterThan(100);
			assertThat(this.exchanges).hasSize(this.setting.targets().size() * this.setting.methods().size());
			assertThat(servedByTheRouter()).isNotEmpty();
		}

		@Test
		void routesWhatTheSettingIsKnownToRouteToTheMetrics() {
			assertThat(servedByTheRouter()).extracting(Exchange::request)
				.as("requests served as metrics by the app without the guard")
				.containsAll(
						this.setting.routedToMetrics().stream().map((target) -> new Request("GET", target)).toList());
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

		@Test
		void passesEveryOtherRequestUntouched() {
			assertThat(this.others).filteredOn((exchange) -> !exchange.answeredAlike())
				.as("other requests the guarded app answers otherwise than the app without the guard")
				.isEmpty();
		}

		@Test
		void servesTheOtherRequestsTheSettingIsKnownToServe() {
			for (String target : this.setting.servedOthers()) {
				assertThat(this.others).filteredOn((exchange) -> exchange.request().target().equals(target))
					.singleElement()
					.satisfies((exchange) -> assertThat(exchange.unguarded().status()).as(target).isEqualTo(200))
					.satisfies((exchange) -> assertThat(exchange.guarded().status()).as(target).isEqualTo(200));
			}
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

		@Test
		void servesWhatTheSettingIsKnownToRouteToTheMetricsToTheRightKeyInEveryForm() {
			String basic = Base64.getEncoder().encodeToString(("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8));
			for (String target : this.setting.routedToMetrics()) {
				for (String credentials : List.of("Authorization: Bearer " + KEY, "Authorization: Basic " + basic,
						"x-litellm-api-key: " + KEY)) {
					RawResponse served = guarded().send("GET", target, credentials);
					assertThat(served.status()).as("%s with %s", target, credentials).isEqualTo(200);
					assertThat(RouterSurvey.isMetrics(served)).as("%s with %s", target, credentials).isTrue();
				}
				RawResponse wrongKey = guarded().send("GET", target, "Authorization: Bearer sk-wrong");
				assertThat(wrongKey.status()).as("%s with a wrong key", target).isEqualTo(401);
			}
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
	 * How both apps of a scenario run: on which container, with which classes added to
	 * the sample app's sources and which arguments; which spellings are sent with which
	 * methods; and which requests the setting is known to route to the metrics, and which
	 * other ones it is known to serve, which show that the setting took effect.
	 * <p>
	 * The sample app's own settings send every spelling of both metrics paths with every
	 * method. The extra settings send them with {@code GET} and {@code HEAD} only, the
	 * methods the router serves metrics to (as {@link ServletRouterSpellingsTests}
	 * shows), to keep the run time modest; a setting that moves a path sends the
	 * spellings of that path only.
	 *
	 * @param container the container
	 * @param sources the classes added to the sample app's sources
	 * @param args the arguments of both apps
	 * @param methods the methods every spelling is sent with
	 * @param spellings the spellings of the metrics paths
	 * @param routedToMetrics request targets the setting is known to serve as metrics to
	 * {@code GET}
	 * @param servedOthers other request targets the setting is known to serve to
	 * {@code GET}
	 */
	record Setting(ServletContainer container, List<Class<?>> sources, List<String> args, List<String> methods,
			Set<String> spellings, List<String> routedToMetrics, List<String> servedOthers) {

		private static final List<String> GET_AND_HEAD = List.of("GET", "HEAD");

		/**
		 * The sample app as it is, with an application route of its own.
		 * @param container the container
		 * @return the setting
		 */
		static Setting on(ServletContainer container) {
			return new Setting(container, List.of(RoutingSettings.Files.class), List.of(), RouterSurvey.METHODS,
					ServletRouterSpellingsTests.SPELLINGS,
					List.of("/%6Detrics", "/metrics;a=b", "/metrics;jsessionid=x", "/actuator;x/%70rometheus",
							"/actuator/prometheus;", "/%61%63%74%75%61%74%6F%72/%70%72%6F%6D%65%74%68%65%75%73",
							"/metrics?x"),
					List.of("/health", "/files/a.pdf"));
		}

		/**
		 * The sample app on Tomcat with the given handling of encoded slashes and the Ant
		 * path matcher.
		 * @param encodedSolidusHandling Tomcat's handling of {@code %2F}
		 * @param routedToMetrics request targets known to be served as metrics
		 * @return the setting
		 */
		static Setting antMatcherOnTomcat(String encodedSolidusHandling, String... routedToMetrics) {
			return on(ServletContainer.TOMCAT)
				.with(RoutingSettings.ContainerOptions.class,
						"--" + RoutingSettings.ENCODED_SOLIDUS_HANDLING + "=" + encodedSolidusHandling)
				.withTheAntMatcher()
				.routing(routedToMetrics);
		}

		/**
		 * The sample app on Jetty with the given relaxed URI compliance mode, in which
		 * Jetty lets ambiguous URIs such as {@code /files/a%2Fb.pdf} through to the
		 * application but refuses to give their servlet path.
		 * @param uriCompliance the name of the mode
		 * @return the setting
		 */
		static Setting relaxedUriComplianceOnJetty(String uriCompliance) {
			return on(ServletContainer.JETTY)
				.with(RoutingSettings.ContainerOptions.class,
						"--" + RoutingSettings.URI_COMPLIANCE + "=" + uriCompliance)
				.servingOthers("/files/a%2Fb.pdf", "/files/a%2fb.pdf");
		}

		/**
		 * The sample app with actuator's Prometheus endpoint mapped to the given path,
		 * taken literally: a {@code ;} or a {@code %} in it is part of the segment.
		 * @param container the container
		 * @param mapping the endpoint's path below {@code /actuator}
		 * @param routedToMetrics request targets known to be served as metrics
		 * @return the setting
		 */
		static Setting prometheusMappedTo(ServletContainer container, String mapping, String... routedToMetrics) {
			Setting sample = on(container);
			return new Setting(container, sample.sources(),
					List.of("--management.endpoints.web.path-mapping.prometheus=" + mapping), GET_AND_HEAD,
					MetricsPathSpellings.withServletSpellings(List.of("/actuator/" + mapping)),
					List.of(routedToMetrics), sample.servedOthers());
		}

		/**
		 * This setting with a class added to the sources and more arguments, sending
		 * {@code GET} and {@code HEAD}.
		 * @param source the class
		 * @param moreArgs the arguments
		 * @return the setting
		 */
		Setting with(Class<?> source, String... moreArgs) {
			List<Class<?>> sources = new ArrayList<>(this.sources);
			sources.add(source);
			return new Setting(this.container, List.copyOf(sources), concat(this.args, moreArgs), GET_AND_HEAD,
					this.spellings, this.routedToMetrics, this.servedOthers);
		}

		/**
		 * This setting with Spring MVC's legacy path matching, the metrics at
		 * {@code /metrics} an annotated controller (which that matching applies to), and
		 * suffix pattern matching where Spring MVC still has it.
		 * @return the setting
		 */
		Setting withTheAntMatcher() {
			Setting setting = with(RoutingSettings.AnnotatedMetrics.class, RoutingSettings.ANT_PATH_MATCHER)
				.with(RoutingSettings.SuffixPatterns.class);
			return RoutingSettings.hasSuffixPatternMatch()
					? setting.routing("/metrics.txt", "/metrics.json", "/metrics.x") : setting;
		}

		/**
		 * This setting with the application under a context path: the spellings of the
		 * metrics paths under it, and the known requests moved under it.
		 * @param contextPath the context path
		 * @return the setting
		 */
		Setting underContextPath(String contextPath) {
			List<String> paths = MetricsPathSpellings.SAMPLE_APP_PATHS.stream()
				.map((path) -> contextPath + path)
				.toList();
			return new Setting(this.container, this.sources,
					concat(this.args, "--server.servlet.context-path=" + contextPath), this.methods,
					MetricsPathSpellings.withServletSpellings(paths),
					this.routedToMetrics.stream().map((target) -> contextPath + target).toList(),
					this.servedOthers.stream().map((target) -> contextPath + target).toList());
		}

		/**
		 * This setting, known to serve more request targets as metrics.
		 * @param targets the targets
		 * @return the setting
		 */
		Setting routing(String... targets) {
			return new Setting(this.container, this.sources, this.args, this.methods, this.spellings,
					concat(this.routedToMetrics, targets), this.servedOthers);
		}

		/**
		 * This setting, known to serve more other request targets.
		 * @param targets the targets
		 * @return the setting
		 */
		Setting servingOthers(String... targets) {
			return new Setting(this.container, this.sources, this.args, this.methods, this.spellings,
					this.routedToMetrics, concat(this.servedOthers, targets));
		}

		/**
		 * Return the request targets to send with every method: the spellings and those
		 * known to be routed to the metrics.
		 * @return the targets
		 */
		Set<String> targets() {
			Set<String> targets = new LinkedHashSet<>(this.spellings);
			targets.addAll(this.routedToMetrics);
			return targets;
		}

		/**
		 * Return the other request targets to send: the {@link #OTHER_SPELLINGS} and
		 * those known to be served.
		 * @return the targets
		 */
		Set<String> otherTargets() {
			Set<String> targets = new LinkedHashSet<>(OTHER_SPELLINGS);
			targets.addAll(this.servedOthers);
			return targets;
		}

		/**
		 * Start the sample app in this setting.
		 * @param moreArgs arguments of this app alone
		 * @return the running application
		 */
		ConfigurableApplicationContext run(String... moreArgs) {
			List<String> args = concat(List.of("--server.port=0", "--spring.main.banner-mode=off"),
					this.args.toArray(String[]::new));
			return this.container.run(this.sources.toArray(Class<?>[]::new),
					concat(args, moreArgs).toArray(String[]::new));
		}

		private static List<String> concat(List<String> list, String... more) {
			List<String> all = new ArrayList<>(list);
			all.addAll(List.of(more));
			return List.copyOf(all);
		}

		@Override
		public String toString() {
			return this.container + (this.args.isEmpty() ? "" : " " + this.args);
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
		 * Whether both apps answered alike: with the same status and, when it is a 200,
		 * the same body.
		 * @return whether the guard left the request untouched
		 */
		boolean answeredAlike() {
			return this.unguarded.status() == this.guarded.status()
					&& (this.unguarded.status() != 200 || this.unguarded.body().equals(this.guarded.body()));
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
