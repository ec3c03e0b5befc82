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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that each benchmark does what its name says: the request reaches the
 * application, or is rejected with a 401, and completes synchronously, so that a
 * benchmark never times a pipeline that has not run.
 */
class GuardBenchmarksTests {

	private static final int CALLS = 3;

	private final GuardBenchmarks benchmarks = new GuardBenchmarks();

	@BeforeEach
	void setUp() {
		this.benchmarks.setUp();
	}

	@AfterEach
	void tearDown() {
		this.benchmarks.tearDown();
	}

	@Test
	void floorReachesTheApplication() {
		assertReachesTheApplication(this.benchmarks::floor);
	}

	@Test
	void starterFilterLetsANonMetricsRequestThrough() {
		assertReachesTheApplication(this.benchmarks::starterFilterNonMetrics);
	}

	@Test
	void starterFilterLetsAMetricsRequestWithTheKeyThrough() {
		assertReachesTheApplication(this.benchmarks::starterFilterMetricsAccepted);
		assertThat(this.benchmarks.acceptedResponse.isCommitted()).isFalse();
	}

	@Test
	void starterFilterRejectsAMetricsRequestWithoutTheKey() {
		assertIsRejected(this.benchmarks::starterFilterMetricsRejected);
		assertThat(this.benchmarks.rejectedResponse.getBody()).isNotNull();
	}

	@Test
	void starterHandlerDecoratorLetsANonMetricsRequestThrough() {
		assertReachesTheApplication(this.benchmarks::starterHandlerDecoratorNonMetrics);
	}

	@Test
	void composedFilterLetsANonMetricsRequestThrough() {
		assertReachesTheApplication(this.benchmarks::composedFilterNonMetrics);
	}

	@Test
	void composedFilterLetsAMetricsRequestWithTheKeyThrough() {
		assertReachesTheApplication(this.benchmarks::composedFilterMetricsAccepted);
	}

	@Test
	void composedFilterRejectsAMetricsRequestWithoutTheKey() {
		assertIsRejected(this.benchmarks::composedFilterMetricsRejected);
		assertThat(this.benchmarks.rejectedResponse.getBody()).isNotNull();
	}

	@Test
	void springSecurityLetsANonMetricsRequestThrough() {
		assertReachesTheApplication(this.benchmarks::springSecurityNonMetrics);
	}

	@Test
	void springSecurityRejectsAMetricsRequestWithoutTheKey() {
		assertIsRejected(this.benchmarks::springSecurityMetricsRejected);
	}

	private void assertReachesTheApplication(Runnable benchmark) {
		assertOutcome(benchmark, CALLS);
		assertThat(this.benchmarks.healthResponse.isCommitted()).isFalse();
	}

	private void assertIsRejected(Runnable benchmark) {
		assertOutcome(benchmark, 0);
		assertThat(this.benchmarks.rejectedResponse.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private void assertOutcome(Runnable benchmark, int expectedHandled) {
		for (int i = 0; i < CALLS; i++) {
			benchmark.run();
		}
		assertThat(this.benchmarks.application.handled()).isEqualTo(expectedHandled);
		assertThat(this.benchmarks.subscriber.completions()).isEqualTo(CALLS);
		this.benchmarks.subscriber.assertNoErrors();
	}

}
