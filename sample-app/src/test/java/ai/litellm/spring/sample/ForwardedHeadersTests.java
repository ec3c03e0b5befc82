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

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.SampleAppFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy, with {@code server.forward-headers-strategy=framework}: Spring's
 * {@code ForwardedHeaderTransformer} builds the request's URI from forwarded headers, and
 * takes a host or scheme as given, so {@code X-Forwarded-Host: x/metrics?} gives
 * {@code GET /health} the path {@code /metrics}.
 */
class ForwardedHeadersTests {

	private static final String[] PATH_CARRYING_HEADERS = { "X-Forwarded-Host: x/metrics?",
			"Forwarded: host=\"x/metrics?\"", "X-Forwarded-Proto: http://x/metrics?",
			"X-Forwarded-Host: x/actuator/prometheus#" };

	@Nested
	class WithWebFilter extends Scenarios {

		WithWebFilter() {
			super(WebFluxSampleApp.WEB_FILTER);
		}

	}

	@Nested
	class WithHttpHandler extends Scenarios {

		WithHttpHandler() {
			super(WebFluxSampleApp.HTTP_HANDLER);
		}

	}

	abstract static class Scenarios extends SampleAppFixture {

		Scenarios(SampleApp sampleApp) {
			super(sampleApp);
		}

		private RawHttpClient raw() {
			return raw(guarded("server.forward-headers-strategy=framework"));
		}

		@Test
		void guardsWhatForwardedHeadersTurnIntoAMetricsPath() {
			RawHttpClient http = raw();
			int routedToMetrics = 0;
			for (String header : PATH_CARRYING_HEADERS) {
				for (String target : new String[] { "/health", "/no-such-page" }) {
					RawResponse withoutKey = http.send("GET", target, header);
					assertThat(withoutKey.body()).as("%s with %s", target, header).doesNotContain("# TYPE");
					RawResponse withKey = http.send("GET", target, header, "Authorization: Bearer " + KEY);
					if (withKey.body().contains("# TYPE jvm_")) {
						routedToMetrics++;
						assertThat(withoutKey.status()).as("%s with %s", target, header).isEqualTo(401);
					}
				}
			}
			assertThat(routedToMetrics).as("requests the forwarded headers route to the metrics").isPositive();
		}

		@Test
		void guardsTheMetricsBelowAForwardedPrefix() {
			raw().assertGuarded("/metrics", KEY, "X-Forwarded-Prefix: /app");
		}

		@Test
		void leavesAProxiedRequestForAnotherPathOpen() {
			RawResponse health = raw().send("GET", "/health", "X-Forwarded-Host: example.com",
					"X-Forwarded-Proto: https", "X-Forwarded-Prefix: /app");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.body()).isEqualTo("ok");
		}

	}

}
