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

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MetricsPathMatcher}.
 */
class MetricsPathMatcherTests {

	private final MetricsPathMatcher matcher = new MetricsPathMatcher(List.of("/metrics", "/actuator/prometheus"));

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/metrics/", "/metrics/anything/below", "/metrics;x=y", "/metrics;x=y/",
			"/%6Detrics", "/%6detrics", "/%6D%65%74%72%69%63%73", "//metrics", "/./metrics", "/metrics?name=x",
			"/actuator/prometheus", "/actuator/prometheus/", "/actuator;a=b/prometheus;c=d", "/actuator//prometheus",
			"/actuator/%70rometheus", "/actuator/./prometheus", "/Metrics", "/METRICS", "/%4Detrics",
			"/Actuator/PROMETHEUS", "/metrics;x=y/Below", "/;/metrics", "/;a=b/metrics", "/actuator/;/prometheus" })
	void matchesGuardedPathsHoweverTheyAreSpelled(String path) {
		assertThat(this.matcher.matches(request(path))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/metrics/", "/metrics/x", "//metrics", "/./metrics", "/METRICS", "/Metrics/",
			"/actuator/prometheus", "/actuator//prometheus/", "/Actuator/Prometheus/x" })
	void matchesPlainPathsWithoutParsingThem(String path) {
		assertThat(this.matcher.matchesPlainPath(path, 0, 0)).isTrue();
		assertThat(this.matcher.matchesPlainPath("/ctx" + path, 4, 0)).as("after a context path").isTrue();
		assertThat(this.matcher.matchesPlainPath("/app/v1" + path, 0, 2)).as("after a servlet prefix").isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "/actuator,/prometheus", "/actuator/,/prometheus/x", "/Actuator,/PROMETHEUS",
			"/actuator/prometheus,/x", "'',/metrics", "/metrics,''", "/metrics/x,/y" })
	void matchesAPathInTwoPlainParts(String first, String second) {
		assertThat(this.matcher.matchesPlainPath(first, second)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "/app,/metrics", "/actuator,/health", "/actuator,''", "'',/health", "/act,/uator/prometheus" })
	void doesNotMatchOtherPathsInTwoPlainParts(String first, String second) {
		assertThat(this.matcher.matchesPlainPath(first, second)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "", "/health", "/claude/v1/metrics", "/metricsfoo", "/metric", "/actuator",
			"/actuator/prometheusx", "/prometheus", "/x/metrics", "/../metrics" })
	void doesNotMatchOtherPlainPaths(String path) {
		assertThat(this.matcher.matchesPlainPath(path, 0, 0)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/health", "/claude/v1/metrics", "/metricsfoo", "/metric", "/METRICSX",
			"/health?x=/metrics", "/metrics%2F", "/metrics%2Fx", "/actuator", "/actuator/health",
			"/actuator/prometheusx", "/prometheus", "/v1/chat/completions" })
	void doesNotMatchOtherPaths(String path) {
		assertThat(this.matcher.matches(request(path))).isFalse();
	}

	@Test
	void matchesTheMetricsPathBelowAContextPath() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/metrics").contextPath("/api").build();
		assertThat(this.matcher.matches(request)).isTrue();
	}

	@Test
	void doesNotMatchTheContextPathItself() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/metrics/health").contextPath("/metrics").build();
		assertThat(this.matcher.matches(request)).isFalse();
	}

	@Test
	void matchesARequestWhoseContextPathEndsInsideASegment() {
		// What Spring's ContextPathCompositeHandler passes on for /manage;x=y/... below
		// /manage: a path that cannot be parsed, so no router routes it, guarded anyway.
		MockServerHttpRequest request = MockServerHttpRequest.get("/manage;x=y/health").contextPath("/manage").build();
		assertThatIllegalArgumentException().isThrownBy(request::getPath);
		assertThat(this.matcher.matches(request)).isTrue();
	}

	@Test
	void matchesAConfiguredPathSpelledWithMatrixParametersOrEncoding() {
		MetricsPathMatcher custom = new MetricsPathMatcher(List.of("/internal/%6Detrics;v=1"));
		assertThat(custom.matches(MockServerHttpRequest.get("/internal/metrics").build())).isTrue();
		assertThat(custom.matches(MockServerHttpRequest.get("/internal").build())).isFalse();
	}

	@Test
	void rejectsARelativePath() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsPathMatcher(List.of("metrics")))
			.withMessageContaining("must start with '/'");
	}

	@Test
	void rejectsTheRootPathBecauseItWouldGuardEverything() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsPathMatcher(List.of("/")))
			.withMessageContaining("must not be the root path");
	}

	@Test
	void rejectsAnEmptyListOfPaths() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsPathMatcher(List.of()));
	}

	// The request target exactly as sent: no encoding of '%' as a URI template would do,
	// and a leading '//' stays part of the path, as on a server.
	private static MockServerHttpRequest request(String target) {
		return MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://localhost" + target)).build();
	}

}
