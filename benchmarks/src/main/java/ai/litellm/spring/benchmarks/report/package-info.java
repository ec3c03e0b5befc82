/**
 * Turns the raw output of {@code jmh.sh} and {@code load.sh} into the Markdown tables and
 * the SVG chart kept in {@code benchmarks/results/}.
 */
@NullMarked
package ai.litellm.spring.benchmarks.report;

import org.jspecify.annotations.NullMarked;
