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

import java.io.IOException;
import java.util.List;

import ai.litellm.spring.test.AbstractRouterEquivalenceTests;
import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.SampleAppFixture;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes to metrics that do not go through {@code DispatcherServlet}'s default path
 * matching: a servlet the container maps itself, Spring's {@code AntPathMatcher}, an
 * include at the root of a path-mapped {@code DispatcherServlet}, and extensions
 * ({@code /metrics.txt}), which legacy suffix pattern matching routes to
 * {@code /metrics}.
 *
 * @author LiteLLM Spring Boot contributors
 */
class OtherRoutesToMetricsTests {

	private static final String KEY = SampleAppFixture.KEY;

	private static final String FAKE_METRICS = "# TYPE fake_metric counter\nfake_metric 1\n";

	private static final List<String> WITH_EXTENSIONS = List.of("/metrics.txt", "/metrics.json", "/metrics.x",
			"/%6Detrics.txt", "/metrics.txt;a=b");

	@ParameterizedTest
	@EnumSource
	void guardsAServletTheContainerMapsAtAMetricsPath(ServletContainer container) {
		try (ConfigurableApplicationContext app = container.run(new Class<?>[] { MetricsServlets.class },
				"--server.port=0", "--litellm.master-key=" + KEY,
				"--litellm.metrics-auth.paths=/prom-metrics,/prom/metrics")) {
			RawHttpClient http = SampleAppFixture.raw(app);
			for (String target : new String[] { "/prom-metrics", "/x/../prom-metrics", "/x/%2e%2e/prom-metrics",
					"/x/..;/prom-metrics", "/x;a=b/../prom-metrics", "/;/prom-metrics", "/prom-metrics;a=b",
					"/prom/metrics", "/prom/x/../metrics", "/prom/./metrics", "/prom/metrics;a=b" }) {
				assertRefused(http, target);
			}
			for (String target : new String[] { "/prom-metrics", "/prom/metrics", "/x/../prom-metrics",
					"/prom/x/../metrics" }) {
				RawResponse served = http.send("GET", target, "Authorization: Bearer " + KEY);
				assertThat(served.status()).as(target).isEqualTo(200);
				assertThat(served.body()).as(target).isEqualTo(FAKE_METRICS);
			}
			assertThat(http.send("GET", "/prom/other").body()).as("other paths stay open").isEqualTo(FAKE_METRICS);
		}
	}

	@ParameterizedTest
	@EnumSource
	void guardsSegmentsOfPathParametersOnlyWithTheAntPathMatcher(ServletContainer container) {
		try (ConfigurableApplicationContext app = container.run(new Class<?>[] { MetricsController.class },
				"--server.port=0", "--litellm.master-key=" + KEY, "--" + RoutingSettings.ANT_PATH_MATCHER,
				"--litellm.metrics-auth.paths=/prom-metrics")) {
			RawHttpClient http = SampleAppFixture.raw(app);
			for (String target : new String[] { "/prom-metrics", "//prom-metrics", "/;/prom-metrics",
					"/;a=b/prom-metrics", "/prom-metrics;a=b" }) {
				assertRefused(http, target);
			}
			// Tomcat routes the spelling; Jetty refuses it as ambiguous.
			RawResponse withKey = http.send("GET", "/;/prom-metrics", "Authorization: Bearer " + KEY);
			if (container == ServletContainer.TOMCAT) {
				assertThat(withKey.body()).isEqualTo(FAKE_METRICS);
			}
			else {
				assertThat(withKey.status()).isEqualTo(400);
			}
		}
	}

	@ParameterizedTest
	@EnumSource
	void guardsAnIncludeAtTheRootOfAPathMappedDispatcherServlet(ServletContainer container) {
		try (ConfigurableApplicationContext app = container.run(new Class<?>[] { Includer.class }, "--server.port=0",
				"--litellm.master-key=" + KEY, "--spring.mvc.servlet.path=/app")) {
			RawHttpClient http = SampleAppFixture.raw(app);
			for (String target : new String[] { "/app", "/app/page" }) {
				// An include cannot set the status: the guard's error body shows instead.
				assertThat(http.send("GET", target).body()).as(target)
					.contains("\"type\":\"auth_error\"")
					.doesNotContain("# TYPE");
				assertThat(http.send("GET", target, "Authorization: Bearer " + KEY).body()).as(target)
					.contains("# TYPE jvm_");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void guardsTheMetricsWithAnExtension(boolean bySuffixPatternMatching) {
		Class<?>[] sources = bySuffixPatternMatching
				? new Class<?>[] { RoutingSettings.AnnotatedMetrics.class, RoutingSettings.SuffixPatterns.class }
				: new Class<?>[] { MetricsController.class };
		// Spring Framework 7 has no suffix pattern matching: nothing serves them.
		boolean routed = !bySuffixPatternMatching || RoutingSettings.hasSuffixPatternMatch();
		try (ConfigurableApplicationContext app = ServletContainer.TOMCAT.run(sources, "--server.port=0",
				"--litellm.master-key=" + KEY, bySuffixPatternMatching ? "--" + RoutingSettings.ANT_PATH_MATCHER
						: "--spring.mvc.pathmatch.matching-strategy=path-pattern-parser")) {
			RawHttpClient http = SampleAppFixture.raw(app);
			for (String target : WITH_EXTENSIONS) {
				RawResponse withoutKey = http.send("GET", target);
				assertThat(withoutKey.status()).as(target).isEqualTo(401);
				assertThat(AbstractRouterEquivalenceTests.isMetrics(withoutKey)).as(target).isFalse();
				RawResponse withKey = http.send("GET", target, "Authorization: Bearer " + KEY);
				assertThat(AbstractRouterEquivalenceTests.isMetrics(withKey)).as("%s with the key", target)
					.isEqualTo(routed);
			}
		}
	}

	// Jetty refuses some spellings itself with a 400.
	private static void assertRefused(RawHttpClient http, String target) {
		RawResponse response = http.send("GET", target);
		assertThat(response.status()).as(target).isIn(400, 401);
		assertThat(response.body()).as(target).doesNotContain("# TYPE");
	}

	@Configuration(proxyBeanMethods = false)
	static class MetricsServlets {

		@Bean
		ServletRegistrationBean<HttpServlet> fakeMetricsServlet() {
			return new ServletRegistrationBean<>(new HttpServlet() {

				@Override
				protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
					response.setContentType("text/plain");
					response.getWriter().write(FAKE_METRICS);
				}

			}, "/prom-metrics", "/prom/*");
		}

	}

	// Also the metrics with any extension, as an application may map them itself.
	@Configuration(proxyBeanMethods = false)
	@RestController
	static class MetricsController {

		@GetMapping({ "/prom-metrics", "/metrics.{extension}" })
		String metrics() {
			return FAKE_METRICS;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Controller
	static class Includer {

		@GetMapping({ "", "/page" })
		void include(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
			request.getRequestDispatcher("/app/metrics").include(request, response);
		}

	}

}
