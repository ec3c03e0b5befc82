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

package ai.litellm.spring.metrics.reactive;

import ai.litellm.spring.metrics.AuthenticationFailure;
import ai.litellm.spring.metrics.MetricsGuards;
import ai.litellm.spring.metrics.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveVerdictWriter} and the {@link Verdict} responses it writes.
 */
class ReactiveVerdictWriterTests {

	private static final MockServerHttpRequest GET = MockServerHttpRequest.get("/metrics").build();

	@Test
	void answersHeadWithTheHeadersButNoBody() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		StepVerifier.create(ReactiveVerdictWriter.write(MetricsGuards.unauthorized(AuthenticationFailure.MISSING_KEY),
				MockServerHttpRequest.head("/metrics").build(), response))
			.verifyComplete();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getContentLength()).isPositive();
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).hasSize(2);
		StepVerifier.create(response.getBody()).verifyComplete();
	}

	@Test
	void writesA401InLiteLlmsErrorShape() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		StepVerifier
			.create(ReactiveVerdictWriter.write(MetricsGuards.unauthorized(AuthenticationFailure.INVALID_KEY), GET,
					response))
			.verifyComplete();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		StepVerifier.create(response.getBodyAsString())
			.expectNext("{\"error\":{\"message\":\"Unauthorized access to metrics endpoint: the API key is invalid. "
					+ "To allow unauthenticated access, set litellm.require-auth-for-metrics-endpoint=false.\","
					+ "\"type\":\"auth_error\",\"param\":null,\"code\":\"401\"}}")
			.verifyComplete();
	}

	@ParameterizedTest
	@EnumSource(AuthenticationFailure.class)
	void setsHeadersThatStopCachingAndNameTheAcceptedSchemes(AuthenticationFailure failure) {
		MockServerHttpResponse response = new MockServerHttpResponse();
		StepVerifier.create(ReactiveVerdictWriter.write(MetricsGuards.unauthorized(failure), GET, response))
			.verifyComplete();
		HttpHeaders headers = response.getHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		StepVerifier.create(response.getBodyAsString())
			.assertNext(
					(body) -> assertThat(body).contains(failure.getReason()).hasSize((int) headers.getContentLength()))
			.verifyComplete();
	}

	@Test
	void writesA503WhenTheKeyCannotBeCheckedWithoutAChallenge() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		StepVerifier.create(ReactiveVerdictWriter.write(MetricsGuards.unavailable(), GET, response)).verifyComplete();
		HttpHeaders headers = response.getHeaders();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(headers.getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		StepVerifier.create(response.getBodyAsString())
			.expectNext("{\"error\":{\"message\":\"Metrics authentication is temporarily unavailable. Retry later.\","
					+ "\"type\":\"auth_unavailable\",\"param\":null,\"code\":\"503\"}}")
			.verifyComplete();
	}

}
