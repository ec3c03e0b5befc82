/**
 * Runtime pieces of the metrics-endpoint guard: the web filter and the path matching,
 * credential reading, key checking and rejection it is made of.
 */
@NullMarked
package ai.litellm.spring.metrics;

import org.jspecify.annotations.NullMarked;
