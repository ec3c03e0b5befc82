/**
 * Web filters the benchmarks compare ours with: the usual reactive-composition style for
 * the same job, and a filter that does nothing.
 */
@NullMarked
package ai.litellm.spring.benchmarks.filters;

import org.jspecify.annotations.NullMarked;
