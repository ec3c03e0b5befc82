/**
 * The load-test application: {@code /health} and {@code /metrics} on Reactor Netty with
 * one event-loop thread, behind the filter setup chosen with {@code bench.mode}.
 */
@NullMarked
package ai.litellm.spring.benchmarks.app;

import org.jspecify.annotations.NullMarked;
