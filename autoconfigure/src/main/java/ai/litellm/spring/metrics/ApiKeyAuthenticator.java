package ai.litellm.spring.metrics;

import reactor.core.publisher.Mono;

/**
 * Decides whether an API key presented to a metrics path is valid. Declare a bean of this
 * type to check keys against your own key store instead of the configured keys.
 *
 * @author LiteLLM Spring Boot contributors
 */
@FunctionalInterface
public interface ApiKeyAuthenticator {

	/**
	 * Authenticate the given key. An empty result counts as a rejection; an error is
	 * propagated and not treated as a rejection.
	 * @param apiKey the presented key, never empty
	 * @return {@code true} if the key grants access to the metrics
	 */
	Mono<Boolean> authenticate(String apiKey);

}
