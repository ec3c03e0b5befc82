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

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.RouterSurvey.Exchange;
import ai.litellm.spring.test.RouterSurvey.Request;
import ai.litellm.spring.test.SampleApp.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard follows the router: an application that routes case-insensitively has its
 * {@code /METRICS} guarded, and under each prefix the application can put its paths
 * under, every spelling the app without the guard serves as metrics gets the guard's 401.
 *
 * @author LiteLLM Spring Boot contributors
 */
public abstract class AbstractRoutingTests extends SampleAppFixture {

	private static final String[] CASES = { "/METRICS", "/Metrics", "/mEtRiCs", "/%4Detrics", "/METRICS;x=y" };

	protected AbstractRoutingTests(SampleApp sampleApp) {
		super(sampleApp);
	}

	@Test
	void asksForAKeyOnEveryCaseOfMetricsTheRouterServes() {
		Class<?>[] routing = { this.sampleApp.caseInsensitiveRouting() };
		RawHttpClient open = raw(app(routing, "litellm.require-auth-for-metrics-endpoint=false"));
		RawHttpClient guarded = raw(app(routing, "litellm.master-key=" + KEY));
		for (String target : CASES) {
			assertThat(open.send("GET", target).body()).as("%s without the guard", target).contains("# TYPE jvm_");
			guarded.assertGuarded(target, KEY);
		}
	}

	@ParameterizedTest
	@MethodSource("prefixes")
	void guardsMetricsBelowThePrefix(Prefix prefix) {
		RawHttpClient guarded = raw(guarded(prefix.settings()));
		guarded.assertGuarded(prefix.path() + "/metrics", KEY);
		guarded.assertGuarded(prefix.path() + "/actuator/prometheus", KEY);
		for (String target : new String[] { "/%6Detrics;v=1", "/metrics;x=y", "/actuator/%70rometheus",
				"/actuator;x=y/prometheus" }) {
			RawResponse rejected = guarded.send("GET", prefix.path() + target);
			assertThat(rejected.status()).as(prefix.path() + target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("# TYPE");
		}
	}

	@ParameterizedTest
	@MethodSource("prefixes")
	void leavesOtherPathsBelowThePrefixOpen(Prefix prefix) {
		RawHttpClient guarded = raw(guarded(prefix.settings()));
		assertThat(guarded.send("GET", prefix.path() + "/health").body()).isEqualTo("ok");
		assertThat(guarded.send("GET", prefix.path() + "/actuator/health").status()).isEqualTo(200);
		assertThat(guarded.send("GET", "/metrics").status()).as("nothing is served outside the prefix").isEqualTo(404);
	}

	@ParameterizedTest
	@MethodSource("prefixes")
	void neverServesMetricsWhenThePrefixCarriesMatrixParameters(Prefix prefix) {
		RawResponse response = raw(guarded(prefix.settings())).send("GET", prefix.path() + ";x=y/metrics");
		assertThat(response.status()).isEqualTo(this.sampleApp.statusOfAPathThatEndsAPrefixInsideASegment());
		assertThat(response.body()).doesNotContain("# TYPE");
	}

	@ParameterizedTest
	@MethodSource("prefixes")
	void rejectsEverySpellingTheUnguardedAppServesAsMetricsBelowThePrefix(Prefix prefix) {
		Set<String> spellings = this.sampleApp
			.spellings(List.of(prefix.path() + "/metrics", prefix.path() + "/actuator/prometheus"));
		// Not closed before the others: closing a WebFlux app disposes Reactor
		// Netty's global event loops, which every app in this JVM shares.
		RawHttpClient unguarded = raw(app(new Class<?>[0],
				Stream
					.concat(Stream.of("litellm.require-auth-for-metrics-endpoint=false"), Stream.of(prefix.settings()))
					.toArray(String[]::new)));
		List<Exchange> exchanges = RouterSurvey.take(unguarded, raw(guarded(prefix.settings())), RouterSurvey.METHODS,
				spellings);
		List<Exchange> served = exchanges.stream().filter(Exchange::servedByTheRouter).toList();
		System.out.printf("Router survey (%s, prefix %s): %d requests, %d served as metrics without the guard%n",
				this.sampleApp, prefix, exchanges.size(), served.size());
		assertThat(served).extracting(Exchange::request)
			.as("served as metrics without the guard")
			.contains(new Request("GET", prefix.path() + "/metrics"),
					new Request("GET", prefix.path() + "/actuator/prometheus"));
		assertThat(exchanges).filteredOn((exchange) -> RouterSurvey.isMetrics(exchange.guarded()))
			.as("served as metrics by the guarded app")
			.isEmpty();
		// Spring itself fails some spellings of the prefix with a 500 (such as
		// //api/metrics: "Invalid contextPath"), with or without the guard; the guard
		// must add none.
		assertThat(exchanges)
			.filteredOn((exchange) -> RouterSurvey.isServerError(exchange.guarded())
					&& !RouterSurvey.isServerError(exchange.unguarded()))
			.as("answered by the guarded app only with a 5xx or not at all")
			.isEmpty();
		assertThat(served).filteredOn((exchange) -> exchange.guarded().status() != 401)
			.as("served as metrics without the guard and not answered 401 by the guarded app")
			.isEmpty();
	}

	List<Prefix> prefixes() {
		return this.sampleApp.prefixes();
	}

}
