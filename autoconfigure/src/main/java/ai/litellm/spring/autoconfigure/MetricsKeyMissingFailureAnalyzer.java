package ai.litellm.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MetricsKeyMissingException} and how to fix it.
 *
 * @author LiteLLM Spring Boot contributors
 */
class MetricsKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<MetricsKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MetricsKeyMissingException cause) {
		return new FailureAnalysis(
				"The metrics endpoint requires authentication (litellm.require-auth-for-metrics-endpoint=true), "
						+ "but no API key is configured: neither the property 'litellm.master-key' nor the "
						+ "environment variable LITELLM_MASTER_KEY is set to a non-blank value, and "
						+ "'litellm.metrics-auth.keys' and 'litellm.metrics-auth.key-hashes' are empty.",
				"Set 'litellm.master-key' (or the LITELLM_MASTER_KEY environment variable) to the key your "
						+ "scrapers present, define an ApiKeyAuthenticator bean, or set "
						+ "'litellm.require-auth-for-metrics-endpoint' to false to serve metrics without authentication.",
				cause);
	}

}
