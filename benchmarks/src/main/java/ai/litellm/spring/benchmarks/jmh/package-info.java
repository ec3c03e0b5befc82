/**
 * JMH benchmarks of the metrics guard, the composed-style reference filter, Spring
 * Security and Spring's own filter chain, and the reusable fixtures they share with the
 * tests.
 */
@NullMarked
package ai.litellm.spring.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
