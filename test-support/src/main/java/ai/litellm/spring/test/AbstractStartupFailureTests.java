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

import java.util.List;

import ai.litellm.spring.metrics.MetricsPathMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What stops the sample app from starting, through a real {@code SpringApplication} with
 * everything Spring Boot reads from {@code spring.factories}: no key, a switch that is
 * neither true nor false, a key property that fails to bind (reported without its value),
 * the starter's auto-configurations excluded, or an application's own path matcher that
 * leaves a guarded path open.
 *
 * @author LiteLLM Spring Boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractStartupFailureTests extends SampleAppFixture {

	private static final String MISPLACED_KEY = "sk-secret-misplaced-Rk63-key";

	protected AbstractStartupFailureTests(SampleApp sampleApp) {
		super(sampleApp);
	}

	@Test
	void refusesToStartAndNamesThePropertyToSet(CapturedOutput output) {
		// Command-line arguments outrank a LITELLM_MASTER_KEY set in the real
		// environment.
		assertFailsToStart("LITELLM_MASTER_KEY=", "litellm.master-key=");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "on", "yes", "1", "ture" })
	void refusesToStartWithASwitchThatIsNeitherTrueNorFalse(String value, CapturedOutput output) {
		assertFailsToStart("litellm.master-key=" + KEY, "litellm.require-auth-for-metrics-endpoint=" + value);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + value + "' for 'litellm.require-auth-for-metrics-endpoint'")
			.contains("only true or false")
			.doesNotContain(KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "litellm.metrics-auth.named-keys", "litellm.metrics-auth.keys[0].grafana",
			"litellm.metrics-auth.key-hashes[0].x" })
	void reportsAKeyPropertyThatFailsToBindWithoutItsValue(String property, CapturedOutput output) {
		assertFailsToStart("litellm.master-key=" + KEY, property + "=" + MISPLACED_KEY);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.doesNotContain(MISPLACED_KEY)
			.doesNotContain(KEY)
			.contains("metrics key property '" + property.replaceFirst("\\[.*", "") + "'")
			.contains("its value is not shown");
	}

	@Test
	void reportsOtherPropertiesThatFailToBindAsSpringBootDoes(CapturedOutput output) {
		assertFailsToStart("litellm.master-key=" + KEY, "litellm.metrics-auth.authenticator-timeout=soon");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("litellm.metrics-auth.authenticator-timeout")
			.contains("\"soon\"")
			.doesNotContain(KEY);
	}

	@Test
	void refusesToStartWhenTheStartersAutoConfigurationsAreExcluded(CapturedOutput output) {
		assertFailsToStart("litellm.master-key=" + KEY,
				"spring.autoconfigure.exclude=ai.litellm.spring.autoconfigure.MetricsAuthAutoConfiguration,"
						+ "ai.litellm.spring.autoconfigure.MetricsAuthSafeguardsAutoConfiguration");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("no metrics guard (")
			.contains("adapter) is registered")
			.doesNotContain(KEY);
	}

	@Test
	void refusesToStartWhenAnOwnPathMatcherLeavesAGuardedPathOpen(CapturedOutput output) {
		assertFailsToStart(new Class<?>[] { OwnPathMatcher.class }, "litellm.master-key=" + KEY,
				"litellm.metrics-auth.paths=/metrics,/internal/metrics");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("does not guard [/internal/metrics, /actuator/prometheus]")
			.doesNotContain(KEY);
	}

	private void assertFailsToStart(String... args) {
		assertFailsToStart(new Class<?>[0], args);
	}

	private void assertFailsToStart(Class<?>[] moreSources, String... args) {
		assertThatException().isThrownBy(() -> start(moreSources, args).close());
	}

	/**
	 * An application's own path matcher that "adds a path" and so drops the guarded ones
	 * it does not name.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnPathMatcher {

		@Bean
		MetricsPathMatcher metricsPathMatcher() {
			return new MetricsPathMatcher(List.of("/metrics", "/custom"));
		}

	}

}
