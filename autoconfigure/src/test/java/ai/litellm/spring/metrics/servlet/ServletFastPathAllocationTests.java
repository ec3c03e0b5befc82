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

package ai.litellm.spring.metrics.servlet;

import java.util.stream.Stream;

import ai.litellm.spring.metrics.MetricsGuards;
import ai.litellm.spring.metrics.reactive.FastPathAllocationTests;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path is the product: a request that is not a metrics request must cost the
 * {@link MetricsAuthServletFilter} no allocation. Spring's mock request returns fields
 * from the getters the filter reads, so whatever is allocated is the filter's.
 */
class ServletFastPathAllocationTests {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private long handled;

	private final FilterChain application = (servletRequest, servletResponse) -> this.handled++;

	static Stream<Named<MockHttpServletRequest>> nonMetricsRequests() {
		MockHttpServletRequest belowServletPath = new MockHttpServletRequest("GET", "/app/api/v1/models");
		belowServletPath.setContextPath("/app");
		belowServletPath.setServletPath("/api");
		belowServletPath.setPathInfo("/v1/models");
		return Stream.of(request("GET", "/health"), request("GET", "/v1/chat/completions"),
				request("POST", "/v1/chat/completions"), request("GET", "/claude/v1/metrics"),
				request("GET", "/metricsx"),
				Named.of("/v1/models below context path /app, servlet path /api", belowServletPath));
	}

	@ParameterizedTest
	@MethodSource("nonMetricsRequests")
	void filterAllocatesNothingOnANonMetricsRequest(MockHttpServletRequest request) throws Throwable {
		MetricsAuthServletFilter filter = new MetricsAuthServletFilter(MetricsGuards.acceptingOnly("sk-1"), null);
		assertThat(bytesPerCall(filter, request)).isLessThan(1.0);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void aFilterThatKeepsOneSmallStringPerCallIsCaught() throws Throwable {
		// So that "less than one byte" above is the filter's result, not a blind meter.
		String[] kept = new String[1];
		Filter copying = (request, response, chain) -> {
			kept[0] = ((HttpServletRequest) request).getRequestURI().substring(1);
			chain.doFilter(request, response);
		};
		assertThat(bytesPerCall(copying, new MockHttpServletRequest("GET", "/health"))).isGreaterThanOrEqualTo(1.0);
		assertThat(kept[0]).isEqualTo("health");
	}

	private double bytesPerCall(Filter filter, MockHttpServletRequest request) throws Throwable {
		return FastPathAllocationTests.bytesPerCall(() -> filter.doFilter(request, this.response, this.application),
				() -> this.handled);
	}

	private static Named<MockHttpServletRequest> request(String method, String uri) {
		return Named.of(method + " " + uri, new MockHttpServletRequest(method, uri));
	}

}
