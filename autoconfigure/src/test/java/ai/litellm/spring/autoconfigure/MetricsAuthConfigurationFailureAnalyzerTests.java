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

package ai.litellm.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthConfigurationFailureAnalyzer}.
 */
class MetricsAuthConfigurationFailureAnalyzerTests {

	@Test
	void namesThePropertyAndTheEnvironmentVariableToSet() {
		IllegalStateException failure = new IllegalStateException("Startup failed", new MetricsKeyMissingException());
		FailureAnalysis analysis = new MetricsAuthConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY")
			.contains("litellm.require-auth-for-metrics-endpoint=true");
		for (KeyProperty property : KeyProperty.values()) {
			assertThat(analysis.getDescription()).contains("'" + property.propertyName() + "'");
		}
		assertThat(analysis.getAction()).contains("Set 'litellm.master-key'").contains("LITELLM_MASTER_KEY");
	}

}
