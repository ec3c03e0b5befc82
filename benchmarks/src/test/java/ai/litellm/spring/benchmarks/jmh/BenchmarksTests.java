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

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that every benchmark does what its name says, so that none times a path it does
 * not claim to: a {@code ...Rejected} benchmark answers 401 without reaching the
 * application, every other one reaches it, and every reactive one completes
 * synchronously.
 */
class BenchmarksTests {

	private static final int CALLS = 3;

	static Stream<Method> benchmarks() {
		return Stream.of(GuardBenchmarks.class, WebFilterChainBenchmarks.class, ServletFilterBenchmarks.class)
			.flatMap((type) -> Arrays.stream(type.getDeclaredMethods()))
			.filter((method) -> method.isAnnotationPresent(Benchmark.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("benchmarks")
	void benchmarkDoesWhatItsNameSays(Method benchmark) throws Exception {
		BenchmarkState state = (BenchmarkState) benchmark.getDeclaringClass().getConstructor().newInstance();
		for (int i = 0; i < CALLS; i++) {
			benchmark.invoke(state);
		}
		state.tearDown();
		boolean rejected = benchmark.getName().endsWith("Rejected");
		assertThat(state.application.handled).isEqualTo(rejected ? 0 : CALLS);
		if (state instanceof ServletFilterBenchmarks servlet) {
			assertThat(servlet.response.getStatus()).isEqualTo(rejected ? 401 : 200);
			if (rejected) {
				// One body: each call wrote into a recycled response.
				assertThat(servlet.response.getBody()).containsOnlyOnce("\"code\":\"401\"");
			}
		}
		else {
			assertThat(state.completions).isEqualTo(CALLS);
		}
		if (rejected && state instanceof GuardBenchmarks guard) {
			assertThat(guard.rejectedResponse.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

}
