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

package ai.litellm.spring.sample.servlet;

import java.io.IOException;

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.SampleAppFixture;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container dispatches again: a forward or an include an open
 * handler makes to the metrics, and the ERROR dispatch to the error page. The guard asks
 * for the key on a dispatch to a metrics path as if the client had asked for it.
 *
 * @author LiteLLM Spring Boot contributors
 */
class DispatchTests extends SampleAppFixture {

	DispatchTests() {
		super(ServletContainer.TOMCAT);
	}

	@Test
	void asksForAKeyOnAForwardToTheMetrics() {
		for (String target : new String[] { "/forward-view-to-metrics", "/forward?to=/metrics",
				"/forward?to=/actuator/prometheus" }) {
			raw().assertGuarded(target, KEY);
			RawResponse rejected = raw().send("GET", target);
			assertThat(rejected.head()).containsIgnoringCase("WWW-Authenticate: Bearer");
			assertThat(rejected.body()).as(target).contains("\"type\":\"auth_error\"");
		}
	}

	@Test
	void neverIncludesTheMetricsWithoutAKey() {
		RawResponse rejected = raw().send("GET", "/include?to=/metrics");
		// An include cannot set the status or headers (RequestDispatcher#include):
		// what the guard writes is its error body, never the metrics.
		assertThat(rejected.body()).contains("Unauthorized access to metrics endpoint: no API key was provided")
			.doesNotContain("# TYPE");
		RawResponse served = raw().send("GET", "/include?to=/metrics", "Authorization: Bearer " + KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_").doesNotContain("Unauthorized");
	}

	@Test
	void answersAFailedRequestWithTheErrorPageAndNeverTheMetrics() {
		for (String[] headers : new String[][] { {}, { "Authorization: Bearer " + KEY } }) {
			RawResponse failed = raw().send("GET", "/fail", headers);
			assertThat(failed.status()).isEqualTo(500);
			assertThat(failed.body()).contains("\"path\":\"/fail\"").doesNotContain("# TYPE");
		}
	}

	@Test
	void answersAFailedMetricsRequestWithTheErrorPageOnlyWithTheKey() {
		assertThat(raw().send("GET", "/metrics/fail").status()).isEqualTo(401);
		RawResponse failed = raw().send("GET", "/metrics/fail", "Authorization: Bearer " + KEY);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.body()).contains("\"path\":\"/metrics/fail\"").doesNotContain("# TYPE");
	}

	@ParameterizedTest
	@CsvSource({ "/fail, 500", "/nowhere, 404" })
	void asksForAKeyOnTheErrorDispatch(String target, int status) {
		RawResponse rejected = errorPageBelowMetrics().send("GET", target);
		assertThat(rejected.status()).as(rejected::toString).isEqualTo(401);
		assertThat(rejected.body()).contains("\"type\":\"auth_error\"").doesNotContain("\"path\":");
		RawResponse failed = errorPageBelowMetrics().send("GET", target, "Authorization: Bearer " + KEY);
		assertThat(failed.status()).isEqualTo(status);
		assertThat(failed.body()).contains("\"path\":\"" + target + "\"");
	}

	private RawHttpClient raw() {
		return raw(guarded(new Class<?>[] { Dispatchers.class }));
	}

	// Spring Boot 4 renamed server.error.path to spring.web.error.path.
	private RawHttpClient errorPageBelowMetrics() {
		return raw(guarded(new Class<?>[] { Dispatchers.class }, "server.error.path=/metrics/error",
				"spring.web.error.path=/metrics/error"));
	}

	/**
	 * Handlers that hand the request on, and handlers that fail.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Controller
	static class Dispatchers {

		@GetMapping("/forward-view-to-metrics")
		String forwardView() {
			return "forward:/metrics";
		}

		@GetMapping("/forward")
		void forward(@RequestParam String to, HttpServletRequest request, HttpServletResponse response)
				throws ServletException, IOException {
			request.getRequestDispatcher(to).forward(request, response);
		}

		@GetMapping("/include")
		void include(@RequestParam String to, HttpServletRequest request, HttpServletResponse response)
				throws ServletException, IOException {
			request.getRequestDispatcher(to).include(request, response);
		}

		@GetMapping({ "/fail", "/metrics/fail" })
		void fail() {
			throw new IllegalStateException("Failed on purpose");
		}

	}

}
