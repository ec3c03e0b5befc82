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

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet application can dispatch a request it received on an open path to the metrics
 * internally: a forward (a controller's {@code forward:} view or a
 * {@code RequestDispatcher}) or an include. The guard, registered for every dispatch
 * type, asks for the key on the dispatch to the metrics path, as if the client had asked
 * for it.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ServletSampleAppScenarios.TOMCAT, "litellm.master-key=" + ServletSampleAppScenarios.KEY })
@Import(ForwardAndIncludeTests.Dispatchers.class)
class ForwardAndIncludeTests extends ServletSampleAppScenarios {

	@Test
	void asksForAKeyOnAForwardToTheMetrics() {
		for (String target : new String[] { "/forward-view-to-metrics", "/forward-to-metrics" }) {
			RawResponse rejected = raw().send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.head()).containsIgnoringCase("WWW-Authenticate: Bearer");
			assertThat(rejected.body()).as(target).contains("\"type\":\"auth_error\"").doesNotContain("# TYPE");
			RawResponse served = raw().send("GET", target, "Authorization: Bearer " + KEY);
			assertThat(served.status()).as(target).isEqualTo(200);
			assertThat(served.body()).as(target).contains("# TYPE jvm_");
		}
	}

	@Test
	void asksForAKeyOnAForwardToTheActuatorPrometheusEndpoint() {
		raw().assertGuarded("/forward-to-actuator-prometheus", KEY);
	}

	@Test
	void neverIncludesTheMetricsWithoutAKey() {
		RawResponse rejected = raw().send("GET", "/include-metrics");
		// An included resource cannot set the status or headers of the response (Servlet
		// specification, RequestDispatcher#include), so the guard's 401 cannot show in
		// the status line: what it writes is its error body, never the metrics.
		assertThat(rejected.body()).contains("Unauthorized access to metrics endpoint: no API key was provided")
			.doesNotContain("# TYPE");
		RawResponse served = raw().send("GET", "/include-metrics", "Authorization: Bearer " + KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_").doesNotContain("Unauthorized");
	}

	/**
	 * An open controller that hands the request on to the metrics.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Controller
	static class Dispatchers {

		@GetMapping("/forward-view-to-metrics")
		String forwardView() {
			return "forward:/metrics";
		}

		@GetMapping("/forward-to-metrics")
		void forward(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
			request.getRequestDispatcher("/metrics").forward(request, response);
		}

		@GetMapping("/forward-to-actuator-prometheus")
		void forwardToActuator(HttpServletRequest request, HttpServletResponse response)
				throws ServletException, IOException {
			request.getRequestDispatcher("/actuator/prometheus").forward(request, response);
		}

		@GetMapping("/include-metrics")
		void include(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
			request.getRequestDispatcher("/metrics").include(request, response);
		}

	}

}
