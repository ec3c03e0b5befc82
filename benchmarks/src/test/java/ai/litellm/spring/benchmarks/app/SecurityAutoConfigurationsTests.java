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
	void everyModeButSecurityExcludesThem() {
		for (BenchMode mode : BenchMode.values()) {
			Object excluded = mode.properties().get("spring.autoconfigure.exclude");
			if (mode == BenchMode.SECURITY) {
				assertThat(excluded).isNull();
			}
			else {
				assertThat(excluded).isEqualTo(String.join(",", SecurityAutoConfigurations.NAMES));
			}
		}
	}

}
