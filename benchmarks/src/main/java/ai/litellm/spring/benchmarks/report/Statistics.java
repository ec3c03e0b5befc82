package ai.litellm.spring.benchmarks.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median and range of a few measurements: rounds are few, so no means or deviations.
 *
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 * @author LiteLLM Spring Boot contributors
 */
record Statistics(double median, double min, double max) {

	static Statistics of(Collection<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values");
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Statistics(median, sorted[0], sorted[sorted.length - 1]);
	}

}
