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

package ai.litellm.spring.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import ai.litellm.spring.test.RawHttpClient.RawResponse;

/**
 * What a running application answers to each of a set of request targets sent byte for
 * byte with each of a set of methods: which requests it serves as metrics and which get
 * which status.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class RouterSurvey {

	/**
	 * The methods the router-equivalence tests send every spelling with.
	 */
	public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS", "PUT");

	private final Map<Request, Answer> answers;

	private final int targets;

	private RouterSurvey(Map<Request, Answer> answers, int targets) {
		this.answers = answers;
		this.targets = targets;
	}

	public static RouterSurvey take(int port, Collection<String> targets) {
		RawHttpClient client = new RawHttpClient(port);
		Map<Request, Answer> answers = new LinkedHashMap<>();
		for (String method : METHODS) {
			for (String target : targets) {
				RawResponse response = client.send(method, target);
				answers.put(new Request(method, target), new Answer(response.status(), isMetrics(response)));
			}
		}
		return new RouterSurvey(answers, targets.size());
	}

	public static boolean isMetrics(RawResponse response) {
		if (response.status() != 200) {
			return false;
		}
		String head = response.head().toLowerCase(Locale.ROOT).replace(" ", "");
		return response.body().contains("# TYPE") || head.contains("content-type:text/plain;version=0.0.4")
				|| head.contains("content-type:application/openmetrics-text");
	}

	public List<Request> servedAsMetrics() {
		return requests(Answer::metrics);
	}

	// A connection closed without a response has status -1.
	public List<Request> serverErrors() {
		return requests((answer) -> answer.status() >= 500 || answer.status() < 100);
	}

	private List<Request> requests(Predicate<Answer> answered) {
		return this.answers.keySet().stream().filter((request) -> answered.test(this.answers.get(request))).toList();
	}

	public int status(Request request) {
		Answer answer = this.answers.get(request);
		if (answer == null) {
			throw new IllegalArgumentException("Not surveyed: " + request);
		}
		return answer.status();
	}

	public String report(String label) {
		StringBuilder report = new StringBuilder();
		List<Request> served = servedAsMetrics();
		report.append(String.format("Router survey (%s): %d targets x %d methods, %d served as metrics%n", label,
				this.targets, this.answers.size() / Math.max(this.targets, 1), served.size()));
		served.forEach((request) -> report.append("  metrics  ").append(request).append('\n'));
		Map<Integer, Map<String, List<String>>> byStatus = new TreeMap<>();
		this.answers.forEach((request, answer) -> {
			if (!answer.metrics()) {
				byStatus.computeIfAbsent(answer.status(), (status) -> new LinkedHashMap<>())
					.computeIfAbsent(request.target(), (target) -> new ArrayList<>())
					.add(request.method());
			}
		});
		byStatus.forEach((status, targets) -> {
			int requests = targets.values().stream().mapToInt(List::size).sum();
			report.append(String.format("  status %d: %d requests%n", status, requests));
			targets.forEach(
					(target, methods) -> report.append("    ").append(target).append(' ').append(methods).append('\n'));
		});
		return report.toString();
	}

	/**
	 * A request of a survey: a method and a request target, as sent.
	 *
	 * @param method the method
	 * @param target the request target
	 */
	public record Request(String method, String target) {

		@Override
		public String toString() {
			return this.method + " " + this.target;
		}

	}

	private record Answer(int status, boolean metrics) {

	}

}
