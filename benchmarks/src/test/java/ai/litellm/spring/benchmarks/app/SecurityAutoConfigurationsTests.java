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

package ai.litellm.spring.benchmarks.app;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the list of excluded Spring Security auto-configurations in step with Spring
 * Boot's.
 */
class SecurityAutoConfigurationsTests {

	@Test
	void everySpringSecurityAutoConfigurationOfSpringBootIsExcluded() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.filteredOn((name) -> name.startsWith("org.springframework.boot.security."))
			.isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(SecurityAutoConfigurations.NAMES);
	}

	@Test
	void everyModeButTheSecurityModesExcludesThem() {
		for (BenchMode mode : BenchMode.values()) {
			Object excluded = mode.properties().get("spring.autoconfigure.exclude");
			if (mode == BenchMode.SECURITY || mode == BenchMode.SERVLET_SECURITY) {
				assertThat(excluded).isNull();
			}
			else {
				assertThat(excluded).isEqualTo(String.join(",", SecurityAutoConfigurations.NAMES));
			}
		}
	}

}
