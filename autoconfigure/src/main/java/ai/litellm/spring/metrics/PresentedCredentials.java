package ai.litellm.spring.metrics;

import org.jspecify.annotations.Nullable;

/**
 * What a request presented to authenticate itself: either an API key or the reason no key
 * could be read.
 *
 * @param apiKey the API key, or {@code null} when {@code failure} is set
 * @param failure why no key could be read, or {@code null} when {@code apiKey} is set
 * @author LiteLLM Spring Boot contributors
 */
public record PresentedCredentials(@Nullable String apiKey, @Nullable AuthenticationFailure failure) {

	static PresentedCredentials apiKey(String apiKey) {
		return new PresentedCredentials(apiKey, null);
	}

	static PresentedCredentials failure(AuthenticationFailure failure) {
		return new PresentedCredentials(null, failure);
	}

	@Override
	public String toString() {
		// Never print the key.
		return (this.failure != null) ? "PresentedCredentials[" + this.failure + "]" : "PresentedCredentials[key]";
	}

}
