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

import java.util.List;

import ai.litellm.spring.test.AbstractRouterEquivalenceTests;
import ai.litellm.spring.test.AbstractRouterEquivalenceTests.Exchange;
import ai.litellm.spring.test.AbstractRouterEquivalenceTests.Request;
import ai.litellm.spring.test.AbstractRouterEquivalenceTests.Setting;
import ai.litellm.spring.test.SampleAppFixture.SampleApp.Prefix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractRouterEquivalenceTests} of the servlet sample app on Tomcat and on
 * Jetty, as it runs and in settings that change what the router serves, and the router's
 * baseline without the guard.
 */
class ServletRouterEquivalenceTests {

	private static final Prefix CONTEXT_PATH = new Prefix("/app", "server.servlet.context-path=/app");

	private static Setting on(ServletContainer container) {
		return Setting.of(container,
				List.of("/metrics", "/actuator/prometheus", "/%6Detrics", "/metrics;a=b", "/metrics;jsessionid=x",
						"/actuator;x/%70rometheus", "/actuator/prometheus;",
						"/%61%63%74%75%61%74%6F%72/%70%72%6F%6D%65%74%68%65%75%73", "/metrics?x"),
				List.of("/health", "/files/a.pdf"), RoutingSettings.Files.class);
	}

	// Spring MVC's legacy path matching, with suffix patterns where it still has them.
	private static Setting withTheAntMatcher(Setting setting) {
		Setting ant = setting.with(RoutingSettings.AnnotatedMetrics.class, RoutingSettings.ANT_PATH_MATCHER)
			.with(RoutingSettings.SuffixPatterns.class);
		return RoutingSettings.hasSuffixPatternMatch() ? ant.routing("/metrics.txt", "/metrics.json", "/metrics.x")
				: ant;
	}

	private static Setting antMatcherOnTomcat(String encodedSolidusHandling, String... routedToMetrics) {
		return withTheAntMatcher(on(ServletContainer.TOMCAT).with(RoutingSettings.ContainerOptions.class,
				RoutingSettings.ENCODED_SOLIDUS_HANDLING + "=" + encodedSolidusHandling))
			.routing(routedToMetrics);
	}

	// Jetty lets ambiguous URIs such as /files/a%2Fb.pdf through to the application in
	// a relaxed mode, but refuses to give their servlet path.
	private static Setting relaxedUriComplianceOnJetty(String uriCompliance) {
		return on(ServletContainer.JETTY)
			.with(RoutingSettings.ContainerOptions.class, RoutingSettings.URI_COMPLIANCE + "=" + uriCompliance)
			.servingOthers("/files/a%2Fb.pdf", "/files/a%2fb.pdf");
	}

	private static Setting legacyUriComplianceAndTheAntMatcherOnJetty(String... routedToMetrics) {
		return withTheAntMatcher(on(ServletContainer.JETTY).with(RoutingSettings.ContainerOptions.class,
				RoutingSettings.URI_COMPLIANCE + "=LEGACY"))
			.routing(routedToMetrics);
	}

	@Nested
	class OnTomcat extends AsItRuns {

		OnTomcat() {
			super(ServletContainer.TOMCAT);
		}

	}

	@Nested
	class OnJetty extends AsItRuns {

		OnJetty() {
			super(ServletContainer.JETTY);
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherRejectingEncodedSlashes extends AbstractRouterEquivalenceTests {

		OnTomcatWithTheAntMatcherRejectingEncodedSlashes() {
			super(antMatcherOnTomcat("reject", "/metrics", "/;/metrics", "/metrics;a=b"));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherDecodingEncodedSlashes extends AbstractRouterEquivalenceTests {

		OnTomcatWithTheAntMatcherDecodingEncodedSlashes() {
			super(antMatcherOnTomcat("decode", "/metrics", "/%2Fmetrics", "/%2F/%6detrics"));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherPassingEncodedSlashesThrough extends AbstractRouterEquivalenceTests {

		OnTomcatWithTheAntMatcherPassingEncodedSlashesThrough() {
			super(antMatcherOnTomcat("passthrough", "/metrics", "/%2Fmetrics", "/%2fmetrics", "/%2F/%6detrics",
					"/%2F/metrics;x=1"));
		}

	}

	@Nested
	class OnJettyWithLegacyUriCompliance extends AbstractRouterEquivalenceTests {

		OnJettyWithLegacyUriCompliance() {
			super(relaxedUriComplianceOnJetty("LEGACY"));
		}

	}

	@Nested
	class OnJettyWithUnsafeUriCompliance extends AbstractRouterEquivalenceTests {

		OnJettyWithUnsafeUriCompliance() {
			super(relaxedUriComplianceOnJetty("UNSAFE"));
		}

	}

	@Nested
	class OnJettyWithLegacyUriComplianceAndTheAntMatcher extends AbstractRouterEquivalenceTests {

		OnJettyWithLegacyUriComplianceAndTheAntMatcher() {
			super(legacyUriComplianceAndTheAntMatcherOnJetty("/metrics", "/%2Fmetrics", "/%2fmetrics", "/%2F/%6detrics",
					"/%2F/metrics;x=1"));
		}

	}

	@Nested
	class OnTomcatWithTheAntMatcherPassingEncodedSlashesThroughUnderAContextPath
			extends AbstractRouterEquivalenceTests {

		OnTomcatWithTheAntMatcherPassingEncodedSlashesThroughUnderAContextPath() {
			super(antMatcherOnTomcat("passthrough", "/metrics", "/%2Fmetrics", "/%2F/%6detrics").under(CONTEXT_PATH));
		}

	}

	@Nested
	class OnJettyWithLegacyUriComplianceAndTheAntMatcherUnderAContextPath extends AbstractRouterEquivalenceTests {

		OnJettyWithLegacyUriComplianceAndTheAntMatcherUnderAContextPath() {
			super(legacyUriComplianceAndTheAntMatcherOnJetty("/metrics", "/%2Fmetrics", "/%2F/%6detrics")
				.under(CONTEXT_PATH));
		}

	}

	@Nested
	class OnJettyWithAPrometheusPathHoldingASemicolon extends AbstractRouterEquivalenceTests {

		OnJettyWithAPrometheusPathHoldingASemicolon() {
			super(on(ServletContainer.JETTY).withPrometheusAt("prom;x", "/actuator/prom%3Bx", "/actuator/prom%3bx"));
		}

	}

	@Nested
	class OnTomcatWithAPrometheusPathHoldingAPercentSign extends AbstractRouterEquivalenceTests {

		OnTomcatWithAPrometheusPathHoldingAPercentSign() {
			super(on(ServletContainer.TOMCAT).withPrometheusAt("prom%2Fx", "/actuator/prom%252Fx"));
		}

	}

	/**
	 * The sample app as it runs on a container, and the servlet router's baseline: what
	 * the container serves as metrics of every spelling sent with every method to the app
	 * without the guard.
	 */
	abstract static class AsItRuns extends AbstractRouterEquivalenceTests {

		AsItRuns(ServletContainer container) {
			super(on(container));
		}

		@Test
		void servesTheMetricsPathsInTheirPlainAndRouterEquivalentSpellingsWithoutTheGuard() {
			assertThat(servedWithoutTheGuard()).contains(new Request("GET", "/metrics"),
					new Request("GET", "/%6Detrics"), new Request("GET", "/metrics;a=b"),
					new Request("GET", "/actuator/prometheus"), new Request("GET", "/actuator;a=b/prometheus"),
					new Request("GET", "/actuator/%70rometheus"), new Request("HEAD", "/actuator/prometheus"));
		}

		@Test
		void servesManySpellingsAsMetricsWithoutTheGuard() {
			assertThat(setting().spellings()).hasSizeGreaterThan(150);
			assertThat(servedWithoutTheGuard()).hasSizeGreaterThan(50);
		}

		@Test
		void answersEverySpellingWithoutAServerErrorWithoutTheGuard() {
			assertThat(exchanges()).filteredOn((exchange) -> isServerError(exchange.unguarded()))
				.as("requests the app without the guard answers with a 5xx or not at all")
				.isEmpty();
		}

		@Test
		void servesMetricsOnlyToGetAndHeadWithoutTheGuard() {
			assertThat(servedWithoutTheGuard()).extracting(Request::method).containsOnly("GET", "HEAD");
		}

		@Test
		void servesNeitherATrailingSlashNorAnotherCaseNorASubPathAsMetricsWithoutTheGuard() {
			assertThat(servedWithoutTheGuard()).extracting(Request::target)
				.doesNotContain("/metrics/", "/METRICS", "/metrics/x", "/actuator/prometheus/", "/actuator/PROMETHEUS",
						"/actuator/prometheus/x");
		}

		private List<Request> servedWithoutTheGuard() {
			return servedByTheRouter().stream().map(Exchange::request).toList();
		}

	}

}
