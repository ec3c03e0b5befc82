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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that every chain benchmark lets {@code GET /health} through to the application
 * and completes synchronously.
 */
class WebFilterChainBenchmarksTests {

	@Test
	void everyChainLetsHealthThroughToTheApplication() {
		WebFilterChainBenchmarks benchmarks = new WebFilterChainBenchmarks();
		benchmarks.setUp();
		try {
			List<Runnable> all = List.of(benchmarks::noFilter, benchmarks::passThroughFilter, benchmarks::starterFilter,
					benchmarks::starterAndPassThroughFilters, benchmarks::composedAndPassThroughFilters,
					benchmarks::springSecurityFilter);
			all.forEach(Runnable::run);
			assertThat(benchmarks.application.handled()).isEqualTo(all.size());
			assertThat(benchmarks.subscriber.completions()).isEqualTo(all.size());
		}
		finally {
			benchmarks.tearDown();
		}
	}

}
