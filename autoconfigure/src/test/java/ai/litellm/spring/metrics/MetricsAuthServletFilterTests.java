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

package ai.litellm.spring.metrics;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthServletFilter}.
 */
class MetricsAuthServletFilterTests {

	private static final String KEY = "sk-servlet-key-1234";

	private final MetricsAuthServletFilter filter = new MetricsAuthServletFilter(new MetricsGuard(
			new MetricsPathMatcher(List.of("/metrics", "/actuator/prometheus")), (key) -> Mono.just(KEY.equals(key))));

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@ParameterizedTest
	@ValueSource(strings = { "/health", "/", "/claude/v1/metrics", "/metricsfoo", "/actuator/health", "/%68ealth",
			"/health;x=y", "/metrics%2Fx" })
	void letsOtherRequestsThroughUntouched(String uri) throws Exception {
		this.filter.doFilter(request("GET", uri), this.response, this.chain);
		assertThat(this.chain.getRequest()).isNotNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeaderNames()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/metrics/", "/metrics/x", "/METRICS", "/Metrics", "//metrics", "/./metrics",
			"/%6Detrics", "/%6detrics", "/metrics;jsessionid=x", "/metrics;a=b/x", "/actuator/prometheus",
			"/actuator;a/%70rometheus", "/ACTUATOR/Prometheus", "/%zz", "/metrics%zz" })
	void rejectsEverySpellingOfAMetricsPathWithoutAKey(String uri) throws Exception {
		this.filter.doFilter(request("GET", uri), this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void servesTheMetricsToTheRightKey() throws Exception {
		MockHttpServletRequest request = request("GET", "/metrics");
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + KEY);
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isSameAs(request);
	}

	@Test
	void writesTheErrorShapeWithChallengesAndNoStore() throws Exception {
		MockHttpServletRequest request = request("GET", "/metrics");
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer wrong");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
		assertThat(this.response.getContentType()).startsWith("application/json");
		assertThat(this.response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(this.response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(Verdict.BEARER_CHALLENGE,
				Verdict.BASIC_CHALLENGE);
		assertThat(this.response.getContentAsString()).contains("the API key is invalid")
			.contains("\"type\":\"auth_error\"")
			.hasSize(this.response.getContentLength());
	}

	@Test
	void answersHeadWithoutABody() throws Exception {
		this.filter.doFilter(request("HEAD", "/metrics"), this.response, this.chain);
		assertRejected(401);
		assertThat(this.response.getContentAsByteArray()).isEmpty();
		assertThat(this.response.getContentLength()).isPositive();
	}

	@Test
	void guardsMetricsBelowTheContextPath() throws Exception {
		MockHttpServletRequest request = request("GET", "/api/metrics");
		request.setContextPath("/api");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void guardsMetricsBelowAPathMappedServlet() throws Exception {
		MockHttpServletRequest request = request("GET", "/ctx/app/v1/metrics");
		request.setContextPath("/ctx");
		request.setServletPath("/app/v1");
		request.setPathInfo("/metrics");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void guardsAnEncodedSpellingBelowAPathMappedServlet() throws Exception {
		MockHttpServletRequest request = request("GET", "/%61pp/%6Detrics");
		request.setServletPath("/app");
		request.setPathInfo("/metrics");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void doesNotTakeASegmentForTheServletPrefixOfADefaultServlet() throws Exception {
		MockHttpServletRequest request = request("GET", "/app/metrics");
		request.setServletPath("/app/metrics");
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isNotNull();
	}

	@Test
	void guardsAForwardToMetrics() throws Exception {
		MockHttpServletRequest request = request("GET", "/metrics");
		request.setDispatcherType(DispatcherType.FORWARD);
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void guardsAnIncludeOfMetricsByTheIncludedPath() throws Exception {
		MockHttpServletRequest request = request("GET", "/health");
		request.setDispatcherType(DispatcherType.INCLUDE);
		request.setAttribute(RequestDispatcher.INCLUDE_REQUEST_URI, "/metrics");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void guardsAServletTheContainerMapsByItsNormalisedPath() throws Exception {
		MockHttpServletRequest request = request("GET", "/x/../metrics");
		request.setServletPath("/metrics");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void guardsAPathMappedServletWhosePathAndPathInfoMakeAMetricsPath() throws Exception {
		MockHttpServletRequest request = request("GET", "/actuator/x/../prometheus");
		request.setServletPath("/actuator");
		request.setPathInfo("/prometheus");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void guardsAnIncludeAtTheRootOfAPathMappedServletByTheIncludedPaths() throws Exception {
		MockHttpServletRequest request = request("GET", "/app");
		request.setServletPath("/app");
		request.setDispatcherType(DispatcherType.INCLUDE);
		request.setAttribute(RequestDispatcher.INCLUDE_REQUEST_URI, "/app/metrics");
		request.setAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH, "/app");
		request.setAttribute(RequestDispatcher.INCLUDE_PATH_INFO, "/metrics");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@Test
	void letsAnIncludeOfAnotherPathThroughFromAMetricsLookingRequest() throws Exception {
		MockHttpServletRequest request = request("GET", "/app/page");
		request.setServletPath("/app");
		request.setPathInfo("/page");
		request.setDispatcherType(DispatcherType.INCLUDE);
		request.setAttribute(RequestDispatcher.INCLUDE_REQUEST_URI, "/app/fragment");
		request.setAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH, "/app");
		request.setAttribute(RequestDispatcher.INCLUDE_PATH_INFO, "/fragment");
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isNotNull();
	}

	@Test
	void answersAFailingAuthenticatorWithA503() throws Exception {
		MetricsAuthServletFilter failing = new MetricsAuthServletFilter(
				new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")), (key) -> Mono.never(),
						AuthenticationListener.NONE, Duration.ofMillis(100)));
		MockHttpServletRequest request = request("GET", "/metrics");
		request.addHeader("x-litellm-api-key", KEY);
		failing.doFilter(request, this.response, this.chain);
		assertRejected(503);
		assertThat(this.response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(this.response.getContentAsString()).contains("auth_unavailable").doesNotContain(KEY);
	}

	@Test
	void hasAConstantName() {
		assertThat(this.filter).hasToString("MetricsAuthServletFilter");
	}

	private void assertRejected(int status) {
		assertThat(this.chain.getRequest()).as("the rest of the chain is never called").isNull();
		assertThat(this.response.getStatus()).isEqualTo(status);
	}

	private static MockHttpServletRequest request(String method, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setServletPath(uri);
		return request;
	}

}
