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
