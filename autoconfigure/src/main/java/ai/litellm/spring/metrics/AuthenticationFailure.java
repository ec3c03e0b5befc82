package ai.litellm.spring.metrics;

/**
 * Why a request to a metrics path was rejected. The reason is safe to show to the client:
 * it never contains what the client sent.
 *
 * @author LiteLLM Spring Boot contributors
 */
public enum AuthenticationFailure {

	/**
	 * The request carried no credentials.
	 */
	MISSING_KEY("no API key was provided"),

	/**
	 * The request carried credentials that could not be read.
	 */
	MALFORMED_CREDENTIALS("the credentials are malformed"),

	/**
	 * The request carried a key that is not valid.
	 */
	INVALID_KEY("the API key is invalid");

	private final String reason;

	AuthenticationFailure(String reason) {
		this.reason = reason;
	}

	/**
	 * Return the reason, phrased to complete a sentence.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
