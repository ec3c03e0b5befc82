package ai.litellm.spring.autoconfigure;

import java.util.List;

/**
 * Paths that an integration wants guarded in addition to the configured ones, such as
 * actuator's Prometheus endpoint wherever the application maps it.
 *
 * @author LiteLLM Spring Boot contributors
 */
@FunctionalInterface
interface AdditionalMetricsPaths {

	List<String> paths();

}
