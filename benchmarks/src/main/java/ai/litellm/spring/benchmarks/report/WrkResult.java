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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run reports.
 *
 * @param requests requests completed
 * @param seconds how long the run lasted
 * @param requestsPerSecond throughput
 * @param p50Millis median latency in milliseconds
 * @param p99Millis 99th percentile latency in milliseconds
 * @param non2xx responses that were neither 2xx nor 3xx
 * @param socketErrors connect, read, write and timeout errors together
 * @author LiteLLM Spring Boot contributors
 */
public record WrkResult(long requests, double seconds, double requestsPerSecond, double p50Millis, double p99Millis,
		long non2xx, long socketErrors) {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	/**
	 * Parse the text {@code wrk --latency} prints.
	 * @param output wrk's standard output
	 * @return the result
	 * @throws IllegalArgumentException if the output is not a complete wrk report
	 */
	public static WrkResult parse(String output) {
		Matcher requests = find(REQUESTS, output, "request count");
		Matcher socketErrors = SOCKET_ERRORS.matcher(output);
		long errors = 0;
		if (socketErrors.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socketErrors.group(group));
			}
		}
		Matcher non2xx = NON_2XX.matcher(output);
		return new WrkResult(Long.parseLong(requests.group(1)), millis(requests.group(2), requests.group(3)) / 1000.0,
				Double.parseDouble(find(REQUESTS_PER_SECOND, output, "Requests/sec").group(1)),
				percentile(output, "50%"), percentile(output, "99%"),
				non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors);
	}

	private static double percentile(String output, String percentile) {
		Matcher matcher = find(Pattern.compile("^\\s+" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$",
				Pattern.MULTILINE), output, percentile + " latency (was wrk run with --latency?)");
		return millis(matcher.group(1), matcher.group(2));
	}

	private static double millis(String value, String unit) {
		double number = Double.parseDouble(value);
		return switch (unit) {
			case "us" -> number / 1000.0;
			case "ms" -> number;
			case "s" -> number * 1000.0;
			case "m" -> number * 60_000.0;
			default -> throw new IllegalArgumentException("Unknown unit " + unit);
		};
	}

	private static Matcher find(Pattern pattern, String output, String what) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalArgumentException("No " + what + " in wrk output:\n" + output);
		}
		return matcher;
	}

}
