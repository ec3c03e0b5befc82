#!/usr/bin/env bash
# Builds the benchmarks module and runs its JMH benchmarks with the GC profiler, so each
# benchmark reports time (ns/op) and allocation (B/op) per request. Writes
# benchmarks/results/jmh.json and benchmarks/results/jmh.md.
#
# Usage: benchmarks/jmh.sh [JMH options or a benchmark regex, passed to JMH last]
#   FORKS=1 WARMUP_ITERATIONS=3 ITERATIONS=5 ITERATION_TIME=1s benchmarks/jmh.sh
#   benchmarks/jmh.sh 'GuardBenchmarks.starter.*'
# SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/machine-info.sh

FORKS="${FORKS:-1}"
WARMUP_ITERATIONS="${WARMUP_ITERATIONS:-3}"
ITERATIONS="${ITERATIONS:-5}"
ITERATION_TIME="${ITERATION_TIME:-1s}"
RESULTS=benchmarks/results
TARGET=benchmarks/target

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
CLASSPATH="$TARGET/classes:$(cat "$TARGET/classpath.txt")"
mkdir -p "$RESULTS"

META="$TARGET/jmh-meta.txt"
{
	machine_info
	echo "command=FORKS=$FORKS WARMUP_ITERATIONS=$WARMUP_ITERATIONS ITERATIONS=$ITERATIONS ITERATION_TIME=$ITERATION_TIME benchmarks/jmh.sh $*"
	echo "settings=$FORKS fork(s), $WARMUP_ITERATIONS x $ITERATION_TIME warm-up, $ITERATIONS x $ITERATION_TIME measurement, mode average time, -prof gc"
} > "$META"

java -cp "$CLASSPATH" org.openjdk.jmh.Main \
	-f "$FORKS" -wi "$WARMUP_ITERATIONS" -i "$ITERATIONS" -w "$ITERATION_TIME" -r "$ITERATION_TIME" \
	-prof gc -rf json -rff "$RESULTS/jmh.json" "$@" | tee "$TARGET/jmh.log"

java -cp "$CLASSPATH" ai.litellm.spring.benchmarks.report.JmhReport "$RESULTS/jmh.json" "$META" "$RESULTS/jmh.md"
