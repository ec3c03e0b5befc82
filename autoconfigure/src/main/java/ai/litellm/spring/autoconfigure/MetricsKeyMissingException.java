package ai.litellm.spring.autoconfigure;

/**
 * Thrown at startup when the metrics endpoint must be authenticated but no API key is
 * configured, so that the application fails closed instead of serving open metrics.
 *
 * @author LiteLLM Spring Boot contributors
 */
public class MetricsKeyMissingException extends IllegalStateException {

	MetricsKeyMissingException() {
		super("litellm.require-auth-for-metrics-endpoint is true but no API key is configured");
	}

}
