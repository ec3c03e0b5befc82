#!/usr/bin/env bash
# How much of the request threads' CPU the guard itself takes under load: the load-test
# application under wrk on GET /health, profiled with JFR (Java execution samples every
# millisecond, nothing else recorded), once per mode and run, modes taking turns.
#
# A sample counts when it is on a request thread (Reactor Netty's reactor-http-* event
# loop, Tomcat's http-nio-*-exec-* workers) and its top-most (leaf-most) frame of package
# ai.litellm.spring is one of the guard's (ai.litellm.spring.metrics and its adapter
# packages), with no frame between it and the leaf that hands the request on (a method
# named doFilter, internalDoFilter, filter or handle outside that package): the guard's
# own decision, not what the chain does after it. The share is guard samples / request
# thread samples. Of those, "own code" excludes the samples taken inside the request's
# own lazily built values that the guard is the first to ask for (the parsed path of a
# reactive request, Tomcat's request URI and servlet path as strings): the router asks
# for the same values later and finds them built, so that work moves rather than adds.
#
# Usage: benchmarks/profile.sh
# Environment:
#   MODES="starter servlet-starter"  RUNS=3  FIRST_RUN=1  WARMUP_SECONDS=20  DURATION_SECONDS=20
#   CONNECTIONS=50  BASE_PORT=18180  JAVA_OPTS="-Xms512m -Xmx512m"  SKIP_BUILD=0
#   JAR=benchmarks/target/load-app.jar  LABEL=after  (another build, such as a worktree of
#   an older commit, with a label of its own)
#   OUTPUT_NAME=profile: appends one line per run to benchmarks/results/OUTPUT_NAME.tsv
#   PIN=1: on 2+ CPUs, the server runs on CPU 1 and wrk on CPU 0 (taskset); PIN=0 lets them float
# Loopback only; every run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/.."

MODES="${MODES:-starter servlet-starter}"
RUNS="${RUNS:-3}"
FIRST_RUN="${FIRST_RUN:-1}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
DURATION_SECONDS="${DURATION_SECONDS:-20}"
CONNECTIONS="${CONNECTIONS:-50}"
BASE_PORT="${BASE_PORT:-18180}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
JAR="${JAR:-benchmarks/target/load-app.jar}"
LABEL="${LABEL:-after}"
OUTPUT_NAME="${OUTPUT_NAME:-profile}"
WORK=benchmarks/target/profile-run
RESULTS=benchmarks/results
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
PIN="${PIN:-1}"
server_cpu=() wrk_cpu=()
if [[ $PIN == 1 && $(nproc) -ge 2 ]] && command -v taskset > /dev/null; then
	server_cpu=(taskset -c 1) wrk_cpu=(taskset -c 0)
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	# Without its old jar: Boot's repackaging keeps a jar it has repackaged before, which
	# would still hold the guard as it was when the benchmarks' own classes last changed.
	rm -f benchmarks/target/load-app.jar
	./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$WORK" "$RESULTS"
SETTINGS="$WORK/execution-samples.jfc"
cat > "$SETTINGS" << 'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="Execution samples" description="Java execution samples every millisecond, nothing else">
  <event name="jdk.ExecutionSample">
    <setting name="enabled">true</setting>
    <setting name="period">1 ms</setting>
  </event>
</configuration>
JFC
TSV="$RESULTS/$OUTPUT_NAME.tsv"
[[ -s $TSV ]] || printf 'date\tlabel\tmode\trun\twarm-up/recorded s\tload average\trequests/s\trequest-thread samples\tguard samples\tguard share %%\town code samples\town code share %%\n' > "$TSV"

pid=""
stop_server() {
	[[ -n $pid ]] && { kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; }
	pid=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# Prints "request-thread samples, guard samples, own code samples" of a recording.
guard_share() {
	jfr print --events jdk.ExecutionSample --stack-depth 512 "$1" | awk '
		/^jdk.ExecutionSample/ { request = 0; stack = 0; next }
		/sampledThread = / { request = ($0 ~ /"(reactor-http-[a-z]+-[0-9]+|http-nio-.*-exec-[0-9]+)"/); next }
		/stackTrace = \[/ { stack = 1; handed = 0; decided = 0; lazy = 0; if (request) total++; next }
		stack && /^[ \t]*\]/ { stack = 0; next }
		stack && request && !decided {
			frame = $1; sub(/\(.*/, "", frame)
			if (frame ~ /^ai\.litellm\.spring\./) {
				decided = 1
				if (frame ~ /^ai\.litellm\.spring\.metrics\./ && !handed) { guard++; if (!lazy) own++ }
				next
			}
			if (frame ~ /\.(doFilter|internalDoFilter|filter|handle)$/) handed = 1
			if (frame ~ /^(org\.springframework\.http\.server\.reactive\.AbstractServerHttpRequest\.getPath|org\.apache\.catalina\.connector\.(Request|RequestFacade)\.get(RequestURI|ServletPath|PathInfo|ContextPath))$/) lazy = 1
		}
		END { printf "%d\t%d\t%d\n", total, guard, own }'
}

read -r -a modes <<< "$MODES"
for run in $(seq "$FIRST_RUN" $((FIRST_RUN + RUNS - 1))); do
	for mode in "${modes[@]}"; do
		port="$BASE_PORT"
		recording="$WORK/$LABEL-$mode-$run.jfr"
		# shellcheck disable=SC2086 # JAVA_OPTS holds several options
		"${server_cpu[@]}" java $JAVA_OPTS -XX:FlightRecorderOptions:stackdepth=512 -jar "$JAR" --bench.mode="$mode" \
			--server.port="$port" --server.address=127.0.0.1 > "$WORK/server-$LABEL-$mode-$run.log" 2>&1 &
		pid=$!
		for _ in $(seq 1 240); do
			curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
			kill -0 "$pid" 2> /dev/null || { echo "Server $mode died" >&2; exit 1; }
			sleep 0.5
		done
		"${wrk_cpu[@]}" wrk -t 1 -c "$CONNECTIONS" -d "${WARMUP_SECONDS}s" "http://127.0.0.1:$port/health" > /dev/null
		load="$(cut -d' ' -f1-3 /proc/loadavg)"
		jcmd "$pid" JFR.start name=guard settings="$PWD/$SETTINGS" filename="$PWD/$recording" > /dev/null
		requests="$("${wrk_cpu[@]}" wrk -t 1 -c "$CONNECTIONS" -d "${DURATION_SECONDS}s" "http://127.0.0.1:$port/health" \
			| awk '/Requests\/sec/ {print $2}')"
		jcmd "$pid" JFR.stop name=guard > /dev/null
		stop_server
		read -r total guard own <<< "$(guard_share "$recording")"
		share="$(awk -v g="$guard" -v t="$total" 'BEGIN { printf "%.3f", (t > 0) ? 100 * g / t : 0 }')"
		own_share="$(awk -v g="$own" -v t="$total" 'BEGIN { printf "%.3f", (t > 0) ? 100 * g / t : 0 }')"
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$LABEL" "$mode" "$run" \
			"$WARMUP_SECONDS/$DURATION_SECONDS" "$load" "$requests" "$total" "$guard" "$share" "$own" "$own_share" | tee -a "$TSV"
	done
done
