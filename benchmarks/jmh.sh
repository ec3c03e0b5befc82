#!/usr/bin/env bash
# Builds the benchmarks module and runs its JMH benchmarks with the GC profiler, so each
# benchmark reports time (ns/op) and allocation (B/op, gc.alloc.rate.norm) per request.
# Writes JMH's own results: benchmarks/results/jmh.json, and jmh.txt with the run's settings
# and JMH's summary table (OUTPUT_NAME=jmh-servlet writes jmh-servlet.json and
# jmh-servlet.txt instead).
#
# Usage: benchmarks/jmh.sh [JMH options or a benchmark regex, passed to JMH last]
#   benchmarks/jmh.sh                                   the benchmarks' own settings: 1 fork,
#                                                       3 x 1 s warm-up, 5 x 1 s measurement
#   FORKS=2 WARMUP_ITERATIONS=5 ITERATIONS=10 ITERATION_TIME=2s benchmarks/jmh.sh
#                                                       override them for every benchmark
#   benchmarks/jmh.sh 'GuardBenchmarks.starter.*'       a subset
#   OUTPUT_NAME=jmh-servlet benchmarks/jmh.sh ServletFilterBenchmarks
#                                                       the servlet benchmarks, in their own files
# SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/machine-info.sh

# Only what is set overrides the annotations, which give some benchmarks more warm-up.
options=()
[[ -n "${FORKS:-}" ]] && options+=(-f "$FORKS")
[[ -n "${WARMUP_ITERATIONS:-}" ]] && options+=(-wi "$WARMUP_ITERATIONS")
[[ -n "${ITERATIONS:-}" ]] && options+=(-i "$ITERATIONS")
[[ -n "${ITERATION_TIME:-}" ]] && options+=(-w "$ITERATION_TIME" -r "$ITERATION_TIME")
RESULTS=benchmarks/results
TARGET=benchmarks/target
OUTPUT_NAME="${OUTPUT_NAME:-jmh}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
CLASSPATH="$TARGET/classes:$(cat "$TARGET/classpath.txt")"
mkdir -p "$RESULTS"

META="$TARGET/jmh-meta.txt"
{
	machine_info
	echo "command=$(env | grep -E '^(FORKS|WARMUP_ITERATIONS|ITERATIONS|ITERATION_TIME|OUTPUT_NAME)=' | tr '\n' ' ' || true)benchmarks/jmh.sh $*"
	echo "settings=average time per operation, -prof gc; annotations: 1 fork, 3 x 1 s warm-up (8 for springSecurityMetricsRejected and the servlet metrics-path and Spring Security benchmarks), 5 x 1 s measurement; overrides: ${options[*]:-none}"
} > "$META"

java -cp "$CLASSPATH" org.openjdk.jmh.Main "${options[@]}" -prof gc -rf json -rff "$RESULTS/$OUTPUT_NAME.json" "$@" \
	| tee "$TARGET/jmh.log"

# JMH's summary table, less the allocation rate per second and the GC counts and times.
{
	cat "$META"
	echo
	sed -n '/^Benchmark  /,/^$/p' "$TARGET/jmh.log" | grep -Ev ':gc\.(alloc\.rate|count|time) '
} > "$RESULTS/$OUTPUT_NAME.txt"
