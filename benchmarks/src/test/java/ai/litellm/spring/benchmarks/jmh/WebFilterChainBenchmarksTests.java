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
