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
import java.util.function.IntPredicate;

import ai.litellm.spring.test.RawHttpClient.RawResponse;

/**
 * What a running application answers to each of a set of request targets sent byte for
 * byte with each of a set of methods: which requests it serves as metrics and which get
 * which status. Taken of an application without the guard, it tells the guarded
 * application's tests which requests must be rejected.
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

	/**
	 * Send every target with each of the {@link #METHODS} to the application on the given
	 * loopback port.
	 * @param port the application's port
	 * @param targets the request targets, sent as is
	 * @return the survey
	 */
	public static RouterSurvey take(int port, Collection<String> targets) {
		return take(port, METHODS, targets);
	}

	/**
	 * Send every target with each of the given methods to the application on the given
	 * loopback port.
	 * @param port the application's port
	 * @param methods the methods
	 * @param targets the request targets, sent as is
	 * @return the survey
	 */
	public static RouterSurvey take(int port, List<String> methods, Collection<String> targets) {
		RawHttpClient client = new RawHttpClient(port);
		Map<Request, Answer> answers = new LinkedHashMap<>();
		for (String method : methods) {
			for (String target : targets) {
				RawResponse response = client.send(method, target);
				answers.put(new Request(method, target), new Answer(response.status(), isMetrics(response)));
			}
		}
		return new RouterSurvey(answers, targets.size());
	}

	/**
	 * Whether a response serves metrics: a 200 with a Prometheus exposition in its body
	 * or, for {@code HEAD}, announced by its content type.
	 * @param response the response
	 * @return whether it serves metrics
	 */
	public static boolean isMetrics(RawResponse response) {
		if (response.status() != 200) {
			return false;
		}
		String head = response.head().toLowerCase(Locale.ROOT).replace(" ", "");
		return response.body().contains("# TYPE") || head.contains("content-type:text/plain;version=0.0.4")
				|| head.contains("content-type:application/openmetrics-text");
	}

	/**
	 * Return every request that was sent, in the order it was sent.
	 * @return the requests
	 */
	public List<Request> requests() {
		return List.copyOf(this.answers.keySet());
	}

	/**
	 * Return the requests that were served as metrics.
	 * @return the requests served as metrics, in the order they were sent
	 */
	public List<Request> servedAsMetrics() {
		List<Request> served = new ArrayList<>();
		this.answers.forEach((request, answer) -> {
			if (answer.metrics()) {
				served.add(request);
			}
		});
		return served;
	}

	/**
	 * Return the requests whose status matches, such as
	 * {@code (status) -> status >= 500}. A connection closed without a response has
	 * status {@code -1}.
	 * @param status the statuses to select
	 * @return the requests, in the order they were sent
	 */
	public List<Request> withStatus(IntPredicate status) {
		List<Request> selected = new ArrayList<>();
		this.answers.forEach((request, answer) -> {
			if (status.test(answer.status())) {
				selected.add(request);
			}
		});
		return selected;
	}

	/**
	 * Return the requests answered with a server error or not answered at all.
	 * @return the requests, in the order they were sent
	 */
	public List<Request> serverErrors() {
		return withStatus((status) -> status >= 500 || status < 100);
	}

	/**
	 * Return the status the request was answered with.
	 * @param request a request of this survey
	 * @return its status, {@code -1} if the connection closed without a response
	 */
	public int status(Request request) {
		Answer answer = this.answers.get(request);
		if (answer == null) {
			throw new IllegalArgumentException("Not surveyed: " + request);
		}
		return answer.status();
	}

	/**
	 * Describe the survey: how many requests were sent, every request served as metrics,
	 * and for every other status the targets that got it, with their methods.
	 * @param label what was surveyed, such as the server's name
	 * @return a multi-line description
	 */
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
	 * A request of a survey.
	 *
	 * @param method the method
	 * @param target the request target, as sent
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
