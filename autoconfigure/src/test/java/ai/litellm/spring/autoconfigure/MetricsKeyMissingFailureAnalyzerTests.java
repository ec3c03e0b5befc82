package ai.litellm.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsKeyMissingFailureAnalyzer}.
 */
class MetricsKeyMissingFailureAnalyzerTests {

	@Test
	void namesThePropertyAndTheEnvironmentVariableToSet() {
		BeanCreationException failure = new BeanCreationException("metricsApiKeyAuthenticator", "Failed to instantiate",
				new MetricsKeyMissingException());
		FailureAnalysis analysis = new MetricsKeyMissingFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY")
			.contains("litellm.require-auth-for-metrics-endpoint=true");
		assertThat(analysis.getAction()).contains("Set 'litellm.master-key'").contains("LITELLM_MASTER_KEY");
	}

}
