package ai.litellm.spring.metrics;

/**
 * Told the outcome of every metrics request the guard authenticates, for example to count
 * rejected scrapes. Only metrics requests reach it; implementations must be cheap and
 * must not block.
 *
 * @author LiteLLM Spring Boot contributors
 */
public interface AuthenticationListener {

	/**
	 * A listener that does nothing.
	 */
	AuthenticationListener NONE = new AuthenticationListener() {
	};

	/**
	 * A metrics request presented a valid key.
	 */
	default void accepted() {
	}

	/**
	 * A metrics request was rejected with a 401.
	 * @param failure why
	 */
	default void rejected(AuthenticationFailure failure) {
	}

}
