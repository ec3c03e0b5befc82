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

package ai.litellm.spring.benchmarks.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WrkResult}.
 */
class WrkResultTests {

	static final String OUTPUT = """
			Running 8s test @ http://127.0.0.1:18081/metrics
			  1 threads and 100 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     4.12ms  812.00us  31.00ms   91.00%
			    Req/Sec    24.51k     1.20k   26.00k    80.00%
			  Latency Distribution
			     50%    3.95ms
			     75%    4.20ms
			     90%    4.80ms
			     99%  850.00us
			  195000 requests in 8.00s, 40.00MB read
			  Socket errors: connect 1, read 2, write 3, timeout 4
			  Non-2xx or 3xx responses: 195000
			Requests/sec:  24375.00
			Transfer/sec:      5.00MB
			""";

	@Test
	void readsThroughputLatencyAndErrors() {
		WrkResult result = WrkResult.parse(OUTPUT);
		assertThat(result.requests()).isEqualTo(195_000);
		assertThat(result.seconds()).isEqualTo(8.0);
		assertThat(result.requestsPerSecond()).isEqualTo(24_375.0);
		assertThat(result.p50Millis()).isEqualTo(3.95);
		assertThat(result.p99Millis()).isEqualTo(0.85);
		assertThat(result.non2xx()).isEqualTo(195_000);
		assertThat(result.socketErrors()).isEqualTo(10);
	}

	@Test
	void readsLatenciesInSeconds() {
		WrkResult result = WrkResult.parse(OUTPUT.replace("99%  850.00us", "99%    1.50s"));
		assertThat(result.p99Millis()).isEqualTo(1500.0);
	}

	@Test
	void countsNoErrorsWhenWrkReportsNone() {
		WrkResult result = WrkResult
			.parse(OUTPUT.replaceAll("  Socket errors.*\n", "").replaceAll("  Non-2xx.*\n", ""));
		assertThat(result.non2xx()).isZero();
		assertThat(result.socketErrors()).isZero();
	}

	@Test
	void rejectsOutputWithoutLatencyDistribution() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WrkResult.parse(OUTPUT.replaceAll("(?s)  Latency Distribution.*?99%[^\n]*\n", "")))
			.withMessageContaining("--latency");
	}

}
