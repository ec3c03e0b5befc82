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
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MetricsPathMatcher}. Each path is decided in every form the adapters
 * ask about: parsed, plain, after a context path, after a servlet prefix, and split in
 * two plain parts at each of its slashes; all must agree.
 */
class MetricsPathMatcherTests {

	private final MetricsPathMatcher matcher = new MetricsPathMatcher(List.of("/metrics", "/actuator/prometheus"));

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/metrics/", "/metrics/anything/below", "/metrics;x=y", "/metrics;x=y/",
			"/%6Detrics", "/%6detrics", "/%6D%65%74%72%69%63%73", "//metrics", "/./metrics", "/metrics?name=x",
			"/actuator/prometheus", "/actuator/prometheus/", "/actuator;a=b/prometheus;c=d", "/actuator//prometheus",
			"/actuator/%70rometheus", "/actuator/./prometheus", "/Metrics", "/METRICS", "/%4Detrics",
			"/Actuator/PROMETHEUS", "/metrics;x=y/Below", "/;/metrics", "/;a=b/metrics", "/actuator/;/prometheus",
			"/Metrics/", "/Actuator/Prometheus/x", "/actuator/prometheus/x", "/metrics/x/y", "/%6Detrics.txt" })
	void matchesGuardedPathsHoweverTheyAreSpelled(String path) {
		assertDecision(this.matcher, path, true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "/health", "/claude/v1/metrics", "/metricsfoo", "/metric", "/METRICSX",
			"/health?x=/metrics", "/metrics%2F", "/metrics%2Fx", "/actuator", "/actuator/", "/actuator/health",
			"/actuator/prometheusx", "/prometheus", "/v1/chat/completions", "/x/metrics", "/../metrics", "/metricz",
			"/METRICZ", "/actuatoz/prometheus", "/actuator/prometheuz", "/.", "//", "/./", "/%61ctuator",
			"/%61ctuator.x/prometheus" })
	void doesNotMatchOtherPaths(String path) {
		assertDecision(this.matcher, path, false);
	}

	@ParameterizedTest
	@CsvSource({ "/actuator,/prometheus", "/actuator/,/prometheus/x", "/Actuator,/PROMETHEUS",
			"/actuator/prometheus,/x", "'',/metrics", "/metrics,''", "/metrics/x,/y", "/,/metrics", "/,/metrics/x",
			"/,/actuator/prometheus", "/.,/metrics", "/actuator,/./prometheus", "'',/Actuator/Prometheus" })
	void matchesAPathInTwoPlainParts(String first, String second) {
		assertThat(this.matcher.matchesPlainPath(first, second)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "/app,/metrics", "/actuator,/health", "/actuator,''", "'',/health", "/act,/uator/prometheus", "'',''",
			"/,''", "/,/", "'',/", "/,/health", "/metricz,''", "'',/metricz", "/actuator,/prometheuz",
			"/actuator/health,/metrics" })
	void doesNotMatchOtherPathsInTwoPlainParts(String first, String second) {
		assertThat(this.matcher.matchesPlainPath(first, second)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "/app/v1/metrics,2,true", "/./app//v1/./metrics,2,true", "/app/v1/Metrics/x,2,true",
			"/metrics/metrics,1,true", "/app/v1/metrics,1,false", "/app/v1/metrics,0,false", "/app/metrics,2,false",
			"/metrics,1,false", "/app/v1/x/metrics,2,false", "/app/v1,2,false", "/app/v1/metricz,2,false" })
	void passesOverLeadingSegmentsThatCount(String path, int leadingSegments, boolean expected) {
		assertThat(this.matcher.matches(parse(path), leadingSegments)).isEqualTo(expected);
		assertThat(this.matcher.matchesPlainPath(path, 0, leadingSegments)).isEqualTo(expected);
		assertThat(this.matcher.matchesPlainPath("/ctx" + path, 4, leadingSegments)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "/v/metrics,true", "/V/metrics/x,true", "//v/./metrics,true", "/v;a=b/metrics,true",
			"/%76/metrics,true", "/v,false", "/v/metric,false", "/v/metricz,false", "/w/metrics,false",
			"/metrics,false", "/vv/metrics,false", "/./metrics,false", "/x/v/metrics,false" })
	void matchesAConfiguredPathWithAOneCharacterSegment(String path, boolean expected) {
		assertDecision(new MetricsPathMatcher(List.of("/v/metrics")), path, expected);
	}

	@ParameterizedTest
	@CsvSource({ "/actuator/prometheus,true", "/actuator/metrics,true", "/actuator/metrics/x,true",
			"/ACTUATOR/Metrics,true", "/actuator/./prometheus/x,true", "/actuator,false", "/actuator/health,false",
			"/actuator/metricz,false", "/actuator/prometheus-x,false", "/metrics,false", "/prometheus,false" })
	void matchesEachOfSeveralPathsSharingAFirstSegment(String path, boolean expected) {
		assertDecision(new MetricsPathMatcher(List.of("/actuator/prometheus", "/actuator/metrics")), path, expected);
	}

	@Test
	void matchesTheMetricsPathBelowAContextPath() {
		assertThat(this.matcher.matches(RequestPath.parse("/api/metrics", "/api").pathWithinApplication())).isTrue();
	}

	@Test
	void doesNotMatchTheContextPathItself() {
		assertThat(this.matcher.matches(RequestPath.parse("/metrics/health", "/metrics").pathWithinApplication()))
			.isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "/health, false", "/api/v1/chat/completions, false", "/metricz/x, false", "/, false", "'', false",
			"/metrics, true", "/api/METRICS, true", "/x/metrics.txt, true", "//actuator/health, true",
			"/%68ealth, true", "/health;a=b, true", "/health\\x, true", "/metricsx, false", "/actuatorx, false",
			"/x/actuator.txt, false" })
	void tellsWhetherAPathCanHoldAGuardedPathWhereverItsContextPathEnds(String path, boolean mayHold) {
		assertThat(this.matcher.mayHoldGuardedPath(path)).isEqualTo(mayHold);
	}

	@Test
	void guardsAFirstSegmentOfAnyLength() {
		String longest = "m".repeat(64);
		String longer = "n".repeat(63);
		MetricsPathMatcher matcher = new MetricsPathMatcher(List.of("/" + longest, "/" + longer + "/x"));
		assertDecision(matcher, "/" + longest, true);
		assertDecision(matcher, "/" + longest.toUpperCase(Locale.ROOT) + ".txt/x", true);
		assertDecision(matcher, "/" + longer + "/x", true);
		assertDecision(matcher, "/" + longer, false);
		assertDecision(matcher, "/" + "m".repeat(63), false);
		assertDecision(matcher, "/" + "m".repeat(65), false);
	}

	@Test
	void takesAConfiguredPathLiterallyAsSpringMapsIt() {
		// management.endpoints.web.path-mapping.prometheus=prom;x is mapped as "prom;x",
		// which /actuator/prom%3Bx reaches; prom%2Fx is reached as /actuator/prom%252Fx.
		MetricsPathMatcher custom = new MetricsPathMatcher(List.of("/actuator/prom;x", "/actuator/prom%2Fx"));
		assertDecision(custom, "/actuator/prom%3Bx", true);
		assertDecision(custom, "/actuator/prom%252Fx", true);
		assertDecision(custom, "/actuator/prom", false);
		assertDecision(custom, "/actuator/prom%2Fx", false);
	}

	@Test
	void matchesTheLastSegmentWithAnExtensionAsSuffixPatternsRouteIt() {
		assertDecision(this.matcher, "/metrics.txt", true);
		assertDecision(this.matcher, "/METRICS.json", true);
		assertDecision(this.matcher, "/actuator/prometheus.x", true);
		assertDecision(this.matcher, "/metricsx", false);
		assertDecision(this.matcher, "/metrics-txt", false);
		assertDecision(this.matcher, "/actuator.x/prometheus", false);
		// The only guarded path: no other first segment lets the extension through.
		assertDecision(new MetricsPathMatcher(List.of("/metrics")), "/metrics.txt", true);
	}

	@Test
	void matchesAConfiguredPathWhoseFirstSegmentChangesLengthWhenLowerCased() {
		// "İ".toLowerCase() is two characters; equalsIgnoreCase still matches "İ".
		MetricsPathMatcher custom = new MetricsPathMatcher(List.of("/\u0130statistik"));
		assertDecision(custom, "/%C4%B0statistik", true);
		assertThat(custom.matchesPlainPath("/\u0130statistik/x", 0, 0)).isTrue();
		assertThat(custom.matchesPlainPath("", "/\u0130statistik")).isTrue();
	}

	@Test
	void returnsThePathsAsGiven() {
		assertThat(this.matcher.getPaths()).containsExactly("/metrics", "/actuator/prometheus");
		assertThat(this.matcher).hasToString("MetricsPathMatcher[/metrics, /actuator/prometheus]");
	}

	@Test
	void rejectsARelativePath() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsPathMatcher(List.of("metrics")))
			.withMessageContaining("must start with '/'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "//", "/./", "/./." })
	void rejectsTheRootPathBecauseItWouldGuardEverything(String path) {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsPathMatcher(List.of("/metrics", path)))
			.withMessageContaining("must not be the root path");
	}

	@Test
	void rejectsAnEmptyListOfPaths() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsPathMatcher(List.of()));
	}

	private static void assertDecision(MetricsPathMatcher matcher, String path, boolean expected) {
		assertThat(matcher.matches(parse(path))).as("parsed").isEqualTo(expected);
		assertThat(matcher.matches(parse("/app/v1" + path), 2)).as("parsed, after a prefix").isEqualTo(expected);
		if (expected) {
			// The pre-check that passes most requests must never pass a guarded one.
			String rawPath = URI.create("http://localhost" + path).getRawPath();
			assertThat(matcher.mayHoldGuardedPath(rawPath)).as("may hold").isTrue();
			assertThat(matcher.mayHoldGuardedPath("/app/v1" + rawPath)).as("may hold, after a prefix").isTrue();
		}
		if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || path.indexOf('?') >= 0) {
			return;
		}
		assertThat(matcher.matchesPlainPath(path, 0, 0)).as("plain").isEqualTo(expected);
		assertThat(matcher.matchesPlainPath("/ctx" + path, 4, 0)).as("after a context path").isEqualTo(expected);
		assertThat(matcher.matchesPlainPath("/app/v1" + path, 0, 2)).as("after a servlet prefix").isEqualTo(expected);
		for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
			assertThat(matcher.matchesPlainPath(path.substring(0, i), path.substring(i))).as("in two parts at %d", i)
				.isEqualTo(expected);
		}
	}

	// The request target exactly as a server receives it: no encoding of '%' as a URI
	// template would do, a leading '//' stays part of the path, the query is not.
	private static PathContainer parse(String target) {
		return RequestPath.parse(URI.create("http://localhost" + target).getRawPath(), null).pathWithinApplication();
	}

}
