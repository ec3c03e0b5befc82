/**
 * Spring Boot auto-configuration of the metrics-endpoint guard.
 */
@NullMarked
package ai.litellm.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
