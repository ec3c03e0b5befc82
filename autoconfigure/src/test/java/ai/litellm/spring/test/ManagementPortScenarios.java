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

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With actuator on its own port, its Prometheus endpoint stays guarded there, and the
 * main port stays guarded too.
 * <p>
 * The same scenarios for every adapter: a sample app's test implements this interface on
 * a {@code @SpringBootTest} with {@link #MASTER_KEY} as {@code litellm.master-key},
 * {@code management.server.port=0} and {@code management.server.base-path=/manage}.
 */
public interface ManagementPortScenarios {

	/**
	 * The master key.
	 */
	String MASTER_KEY = "sk-management-Pq58-key";

	/**
	 * Return a client for the application's main port.
	 * @return the client
	 */
	RawHttpClient raw();

	/**
	 * Return a client for the management port.
	 * @return the client
	 */
	RawHttpClient management();

	@Test
	default void guardsThePrometheusEndpointOnTheManagementPort() {
		for (String target : new String[] { "/manage/actuator/prometheus", "/manage/actuator/%70rometheus",
				"/manage/actuator;x/prometheus", "/manage/actuator/prometheus;x=y" }) {
			RawResponse rejected = management().send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("# TYPE");
		}
		RawResponse served = management().send("GET", "/manage/actuator/prometheus",
				"Authorization: Bearer " + MASTER_KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_");
	}

	/**
	 * Return the status of a request whose path ends the base path inside a segment
	 * ({@code /manage;x=y/...}), which Spring cannot parse: 401 where the guard sees the
	 * request first.
	 * @return the status
	 */
	default int statusOfAPathThatEndsTheBasePathInsideASegment() {
		return 401;
	}

	@Test
	default void neverServesAPathThatEndsTheBasePathInsideASegment() {
		RawResponse response = management().send("GET", "/manage;x=y/actuator/prometheus");
		assertThat(response.status()).isEqualTo(statusOfAPathThatEndsTheBasePathInsideASegment());
		assertThat(response.body()).doesNotContain("# TYPE");
	}

	@Test
	default void leavesTheManagementHealthEndpointOpen() {
		assertThat(management().send("GET", "/manage/actuator/health").status()).isEqualTo(200);
	}

	@Test
	default void stillGuardsMetricsOnTheMainPort() {
		assertThat(raw().send("GET", "/metrics").status()).isEqualTo(401);
		assertThat(raw().send("GET", "/metrics", "Authorization: Bearer " + MASTER_KEY).body()).contains("# TYPE jvm_");
		RawResponse notServedHere = raw().send("GET", "/actuator/prometheus");
		assertThat(notServedHere.status()).as("the path is guarded on both ports").isEqualTo(401);
		assertThat(raw().send("GET", "/actuator/prometheus", "Authorization: Bearer " + MASTER_KEY).status())
			.as("actuator is not on the main port")
			.isEqualTo(404);
	}

}
