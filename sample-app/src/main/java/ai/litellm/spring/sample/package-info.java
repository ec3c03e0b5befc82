/**
 * A small LiteLLM-proxy-like application that uses the starter as a user would.
 */
@NullMarked
package ai.litellm.spring.sample;

import org.jspecify.annotations.NullMarked;
