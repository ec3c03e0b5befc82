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

package ai.litellm.spring.benchmarks.jmh;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that each servlet benchmark does what its name says: the request reaches the
 * application, or is rejected with a 401, so that a benchmark never times a path it does
 * not claim to.
 */
class ServletFilterBenchmarksTests {

	private static final int CALLS = 3;

	private final ServletFilterBenchmarks benchmarks = new ServletFilterBenchmarks();

	@BeforeEach
	void setUp() {
		this.benchmarks.setUp();
	}

	@AfterEach
	void tearDown() {
		this.benchmarks.tearDown();
	}

	@Test
	void noFilterReachesTheApplication() throws Exception {
		assertReachesTheApplication(this.benchmarks::noFilter);
	}

	@Test
	void starterFilterLetsANonMetricsRequestThrough() throws Exception {
		assertReachesTheApplication(this.benchmarks::starterFilterNonMetrics);
	}

	@Test
	void oncePerRequestFilterLetsANonMetricsRequestThroughAndRemovesItsAttribute() throws Exception {
		assertReachesTheApplication(this.benchmarks::oncePerRequestFilterNonMetrics);
		assertThat(this.benchmarks.health.getAttributeNames().hasMoreElements()).isFalse();
	}

	@Test
	void starterFilterRejectsAMetricsRequestWithoutTheKey() throws Exception {
		run(this.benchmarks::starterFilterMetricsRejected);
		assertThat(this.benchmarks.application.handled()).isZero();
		assertThat(this.benchmarks.response.getStatus()).isEqualTo(401);
		assertThat(this.benchmarks.response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).hasSize(2);
		// One body: each call wrote into a recycled response.
		assertThat(this.benchmarks.response.getBody()).startsWith("{\"error\":")
			.endsWith("}}")
			.containsOnlyOnce("\"code\":\"401\"");
		assertThat(this.benchmarks.response.isCommitted()).isTrue();
	}

	@Test
	void starterFilterLetsAMetricsRequestWithTheKeyThrough() throws Exception {
		assertReachesTheApplication(this.benchmarks::starterFilterMetricsAccepted);
	}

	@Test
	void springSecurityLetsANonMetricsRequestThrough() throws Exception {
		assertReachesTheApplication(this.benchmarks::springSecurityNonMetrics);
		// Its header writers ran on this request's fresh response.
		assertThat(this.benchmarks.response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void springSecurityRejectsAMetricsRequestWithoutTheKey() throws Exception {
		this.benchmarks.springSecurity.doFilter(this.benchmarks.metricsWithoutKey, this.benchmarks.response,
				this.benchmarks.application);
		assertThat(this.benchmarks.application.handled()).isZero();
		assertThat(this.benchmarks.response.getStatus()).isEqualTo(401);
	}

	private void assertReachesTheApplication(Benchmark benchmark) throws Exception {
		run(benchmark);
		assertThat(this.benchmarks.application.handled()).isEqualTo(CALLS);
		assertThat(this.benchmarks.response.getStatus()).isEqualTo(200);
		assertThat(this.benchmarks.response.isCommitted()).isFalse();
	}

	private void run(Benchmark benchmark) throws Exception {
		for (int i = 0; i < CALLS; i++) {
			benchmark.run();
		}
	}

	@FunctionalInterface
	private interface Benchmark {

		void run() throws IOException, ServletException;

	}

}
