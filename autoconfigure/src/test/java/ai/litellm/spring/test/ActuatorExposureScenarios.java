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
 * Everything actuator can expose that carries the meters or the keys: the {@code metrics}
 * endpoint needs a key like {@code prometheus}, and {@code env} and {@code configprops},
 * even told to show values, never show a key.
 * <p>
 * The same scenarios for every adapter: a sample app's test implements this interface on
 * a {@code @SpringBootTest} with {@link #MASTER_KEY} as {@code litellm.master-key},
 * {@link #SECOND_KEY} as {@code litellm.metrics-auth.keys[0]}, {@link #ENVIRONMENT_KEY}
 * as {@code LITELLM_MASTER_KEY}, the endpoints
 * {@code health,prometheus,metrics,env,configprops} exposed and
 * {@code show-values=always} on {@code env} and {@code configprops}.
 */
public interface ActuatorExposureScenarios {

	/**
	 * The master key.
	 */
	String MASTER_KEY = "sk-actuator-Mx47-key";

	/**
	 * A further key.
	 */
	String SECOND_KEY = "sk-rotation-Bq93-key";

	/**
	 * A key in the {@code LITELLM_MASTER_KEY} variable.
	 */
	String ENVIRONMENT_KEY = "sk-environment-J2k8-key";

	/**
	 * Return a client for the server under test.
	 * @return the client
	 */
	RawHttpClient raw();

	@Test
	default void asksForAKeyOnTheMetricsEndpointAndEachMeter() {
		for (String target : new String[] { "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
				"/actuator/%6Detrics", "/actuator/metrics?tag=area:heap", "/actuator/metrics;x=y/jvm.memory.used",
				"/actuator/metrics/jvm.memory.used?tag=area:heap" }) {
			RawResponse rejected = raw().send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("jvm.memory.used\"");
		}
		RawResponse served = raw().send("GET", "/actuator/metrics/jvm.memory.used",
				"Authorization: Bearer " + MASTER_KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("\"name\":\"jvm.memory.used\"");
	}

	@Test
	default void acceptsEveryConfiguredKeyOnTheMetricsEndpoint() {
		for (String key : new String[] { MASTER_KEY, SECOND_KEY }) {
			RawResponse served = raw().send("GET", "/actuator/metrics", "x-litellm-api-key: " + key);
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.body()).contains("\"names\"");
		}
	}

	@Test
	default void masksTheKeysInTheEnvEndpoint() {
		RawResponse env = raw().send("GET", "/actuator/env");
		assertThat(env.status()).isEqualTo(200);
		assertThat(env.body()).contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY")
			.contains("server.port")
			.contains("******");
		assertNoKeyIn(env.body());
		// Tomcat refuses [ and ] in a request target, so the index is percent-encoded.
		for (String property : new String[] { "litellm.master-key", "litellm.metrics-auth.keys%5B0%5D",
				"LITELLM_MASTER_KEY" }) {
			RawResponse one = raw().send("GET", "/actuator/env/" + property);
			assertThat(one.status()).as(property).isEqualTo(200);
			assertNoKeyIn(one.body());
		}
	}

	@Test
	default void masksTheKeysInTheConfigpropsEndpoint() {
		RawResponse configprops = raw().send("GET", "/actuator/configprops");
		assertThat(configprops.status()).isEqualTo(200);
		assertThat(configprops.body()).contains("masterKey").contains("******");
		assertNoKeyIn(configprops.body());
		RawResponse litellm = raw().send("GET", "/actuator/configprops/litellm");
		assertThat(litellm.status()).isEqualTo(200);
		assertNoKeyIn(litellm.body());
	}

	private static void assertNoKeyIn(String body) {
		assertThat(body).doesNotContain(MASTER_KEY).doesNotContain(SECOND_KEY).doesNotContain(ENVIRONMENT_KEY);
	}

}
