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
import java.util.List;
import java.util.Locale;

import ai.litellm.spring.test.RawHttpClient.RawResponse;

import org.springframework.util.StringUtils;

/**
 * Sends each of a set of request targets byte for byte with each of a set of methods to
 * an application without the guard and to the guarded one, and keeps both answers.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class RouterSurvey {

	/**
	 * The methods the router-equivalence tests send every spelling with.
	 */
	public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS", "PUT");

	private RouterSurvey() {
	}

	public static List<Exchange> take(RawHttpClient unguarded, RawHttpClient guarded, Collection<String> methods,
			Collection<String> targets) {
		List<Exchange> exchanges = new ArrayList<>();
		for (String method : methods) {
			for (String target : targets) {
				exchanges.add(new Exchange(new Request(method, target), unguarded.send(method, target),
						guarded.send(method, target)));
			}
		}
		return exchanges;
	}

	public static boolean isMetrics(RawResponse response) {
		if (response.status() != 200) {
			return false;
		}
		String head = response.head().toLowerCase(Locale.ROOT).replace(" ", "");
		return response.body().contains("# TYPE") || head.contains("content-type:text/plain;version=0.0.4")
				|| head.contains("content-type:application/openmetrics-text");
	}

	// A connection closed without a response has status -1.
	public static boolean isServerError(RawResponse response) {
		return response.status() >= 500 || response.status() < 100;
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

	/**
	 * One request, as the application without the guard and the guarded one answered it.
	 *
	 * @param request the request
	 * @param unguarded the answer without the guard
	 * @param guarded the answer of the guarded application
	 */
	public record Exchange(Request request, RawResponse unguarded, RawResponse guarded) {

		public boolean servedByTheRouter() {
			return isMetrics(this.unguarded);
		}

		public boolean rejectedByTheGuard() {
			return this.guarded.status() == 401
					&& ("HEAD".equals(this.request.method()) || this.guarded.body().contains("\"auth_error\""));
		}

		public boolean answeredAlike() {
			return this.unguarded.status() == this.guarded.status()
					&& (this.unguarded.status() != 200 || this.unguarded.body().equals(this.guarded.body()));
		}

		@Override
		public String toString() {
			return "%s%n  without the guard: %s%n  with the guard:    %s%n    %s".formatted(this.request,
					this.unguarded.head().lines().findFirst().orElse("(no response)"),
					this.guarded.head().replace("\r\n", "\n    "),
					StringUtils.truncate(this.guarded.body().replace("\n", "\\n"), 200));
		}

	}

}
