#!/usr/bin/env bash
# Load test of the load-test application's filter setups with wrk, after the experiment
# in LiteLLM's "Your Middleware Could Be a Bottleneck": one server per mode, each on one
# Reactor Netty event-loop thread, all started at once on their own loopback ports; a JIT
# warm-up of each; then rounds in which the modes take turns (A B C D E, A B C D E, ...),
# so that drift on a shared machine hits them all alike. Passes: GET /health at 1,000 and
# at 100 connections, GET /metrics without a key (the 401 path) and with the key.
#
# Per pass and mode it reports median requests/s, p50 and p99 latency, the server's CPU
# time per request (utime + stime of the server process from /proc/<pid>/stat during the
# run, divided by requests completed), non-2xx responses, and the ratio to the first mode
# of MODES (the baseline, "none" by default) within the same round (benchmarks/chart.sh
# summarises and draws them). Results: benchmarks/results/load.txt (settings and summary),
# load.svg (chart) and load-runs.tsv (every run); load-quick.* with QUICK=1, or
# OUTPUT_NAME.*. Loopback only; every run is bounded by its duration.
#
# The servlet modes (Spring MVC on Tomcat, with Tomcat's default thread pool) run apart,
# against their own baseline:
#   MODES="servlet-none servlet-starter servlet-security" OUTPUT_NAME=load-servlet benchmarks/load.sh
#
# Usage: benchmarks/load.sh [--install]     (--install: apt-get install wrk and gnuplot if missing)
# Environment (defaults for a full run of about 20 minutes; QUICK=1 for about 4, with
# WARMUP_SECONDS=6 DURATION_SECONDS=3 ROUNDS=2):
#   QUICK=0  WARMUP_SECONDS=40  DURATION_SECONDS=8  ROUNDS=5
#   MODES="none starter starter-handler composed security"   (the first one is the baseline)
#   PASSES="health-high health-low metrics-no-key metrics-key"   (a subset runs only those)
#   HIGH_CONNECTIONS=1000  LOW_CONNECTIONS=100  METRICS_CONNECTIONS=100  WRK_THREADS=1
#   BASE_PORT=18080  JAVA_OPTS="-Xms512m -Xmx512m"  SETTLE_SECONDS=30  SKIP_BUILD=0
#   PIN=1: on 2+ CPUs, servers run on CPU 1 and wrk on CPU 0 (taskset), so that the load
#   generator and the server under test never compete for one core; PIN=0 to let them float
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/machine-info.sh

install=0
for argument in "$@"; do
	case "$argument" in
		--install) install=1 ;;
		-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) echo "Unknown argument: $argument (try --help)" >&2; exit 2 ;;
	esac
done

if ! command -v wrk > /dev/null || ! command -v gnuplot > /dev/null; then
	if [[ $install == 1 ]]; then
		apt-get update && apt-get install -y wrk gnuplot-nox
	else
		echo "wrk or gnuplot is not installed. Install them with:  apt-get install -y wrk gnuplot-nox   (or run: $0 --install)" >&2
		exit 1
	fi
fi

QUICK="${QUICK:-0}"
if [[ $QUICK == 1 ]]; then
	WARMUP_SECONDS="${WARMUP_SECONDS:-6}" DURATION_SECONDS="${DURATION_SECONDS:-3}" ROUNDS="${ROUNDS:-2}"
	OUTPUT_NAME="${OUTPUT_NAME:-load-quick}"
else
	WARMUP_SECONDS="${WARMUP_SECONDS:-40}" DURATION_SECONDS="${DURATION_SECONDS:-8}" ROUNDS="${ROUNDS:-5}"
	OUTPUT_NAME="${OUTPUT_NAME:-load}"
fi
MODES="${MODES:-none starter starter-handler composed security}"
PASSES="${PASSES:-health-high health-low metrics-no-key metrics-key}"
HIGH_CONNECTIONS="${HIGH_CONNECTIONS:-1000}"
LOW_CONNECTIONS="${LOW_CONNECTIONS:-100}"
METRICS_CONNECTIONS="${METRICS_CONNECTIONS:-100}"
WRK_THREADS="${WRK_THREADS:-1}"
BASE_PORT="${BASE_PORT:-18080}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
SETTLE_SECONDS="${SETTLE_SECONDS:-30}"
PIN="${PIN:-1}"
server_cpu=() wrk_cpu=()
if [[ $PIN == 1 && $(nproc) -ge 2 ]] && command -v taskset > /dev/null; then
	server_cpu=(taskset -c 1) wrk_cpu=(taskset -c 0)
fi
KEY=sk-bench-4f1c7a9e2d # LoadTestApplication.API_KEY
BASIC="Authorization: Basic $(printf 'prometheus:%s' "$KEY" | base64)"
CLK_TCK="$(getconf CLK_TCK)"
JAR=benchmarks/target/load-app.jar
WORK=benchmarks/target/load-run
RESULTS=benchmarks/results
read -r -a modes <<< "$MODES"
read -r -a selected_passes <<< "$PASSES"
servlet_modes=0
for mode in "${modes[@]}"; do
	[[ $mode == servlet-* ]] && servlet_modes=$((servlet_modes + 1))
done
if ((servlet_modes == 0)); then
	server="one Reactor Netty event-loop thread"
elif ((servlet_modes == ${#modes[@]})); then
	server="Tomcat (Spring MVC), default thread pool"
else
	server="Reactor Netty and Tomcat"
fi

# Each connection is a file descriptor, for wrk and for the server.
hard_limit="$(ulimit -Hn)"
ulimit -n "$([[ $hard_limit == unlimited ]] && echo 65536 || echo "$hard_limit")"
if (( $(ulimit -n) < HIGH_CONNECTIONS + 100 )); then
	echo "The open-file limit $(ulimit -n) is too low for $HIGH_CONNECTIONS connections" >&2
	exit 1
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	# Without its old jar: Boot's repackaging keeps a jar it has repackaged before, which
	# would still hold the guard as it was when the benchmarks' own classes last changed.
	rm -f benchmarks/target/load-app.jar
	./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
rm -rf "$WORK" && mkdir -p "$WORK/wrk" "$RESULTS"
meta="$WORK/meta.txt"
{
	machine_info
	echo "command=QUICK=$QUICK WARMUP_SECONDS=$WARMUP_SECONDS DURATION_SECONDS=$DURATION_SECONDS ROUNDS=$ROUNDS MODES=\"$MODES\" PASSES=\"$PASSES\" LOW_CONNECTIONS=$LOW_CONNECTIONS HIGH_CONNECTIONS=$HIGH_CONNECTIONS METRICS_CONNECTIONS=$METRICS_CONNECTIONS benchmarks/load.sh"
	echo "server=$server"
	echo "baseline=${modes[0]}"
	echo "settings=warm-up ${WARMUP_SECONDS}s per mode, $ROUNDS rounds of ${DURATION_SECONDS}s per pass and mode, modes interleaved, wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2) with $WRK_THREADS thread(s), server JAVA_OPTS $JAVA_OPTS, pinned: ${server_cpu[*]:-no}"
} > "$meta"

declare -A pids ports
stop_servers() {
	for mode in "${!pids[@]}"; do
		kill "${pids[$mode]}" 2> /dev/null || true
	done
	for mode in "${!pids[@]}"; do
		wait "${pids[$mode]}" 2> /dev/null || true
	done
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

port="$BASE_PORT"
for mode in "${modes[@]}"; do
	if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
		echo "Port $port is taken; choose another BASE_PORT" >&2
		exit 1
	fi
	# shellcheck disable=SC2086 # JAVA_OPTS holds several options
	"${server_cpu[@]}" java $JAVA_OPTS -jar "$JAR" --bench.mode="$mode" --server.port="$port" --server.address=127.0.0.1 \
		> "$WORK/server-$mode.log" 2>&1 &
	pids[$mode]=$!
	ports[$mode]=$port
	port=$((port + 1))
done
for mode in "${modes[@]}"; do
	for _ in $(seq 1 240); do
		curl -sf -o /dev/null "http://127.0.0.1:${ports[$mode]}/health" && break
		kill -0 "${pids[$mode]}" 2> /dev/null || { echo "Server $mode died:" >&2; tail -20 "$WORK/server-$mode.log" >&2; exit 1; }
		sleep 0.5
	done
	curl -sf -o /dev/null "http://127.0.0.1:${ports[$mode]}/health" || { echo "Server $mode did not start" >&2; exit 1; }
	echo "started $mode on port ${ports[$mode]} (pid ${pids[$mode]})"
done

# Server CPU time so far, in clock ticks: utime + stime, fields 14 and 15 of
# /proc/<pid>/stat, counted after the command name, which may hold spaces.
cpu_ticks() {
	local stat
	stat="$(< "/proc/$1/stat")"
	stat="${stat##*) }"
	read -r -a fields <<< "$stat"
	echo $((fields[11] + fields[12]))
}

# Waits, at most SETTLE_SECONDS, until the server has stopped using CPU (under 2 ticks in
# half a second), so that work a run left queued does not bleed into the next run: Spring
# Security, for one, goes on checking the passwords of requests wrk has given up on.
settle() {
	local before after
	for _ in $(seq 1 $((SETTLE_SECONDS * 2))); do
		before="$(cpu_ticks "$1")"
		sleep 0.5
		after="$(cpu_ticks "$1")"
		((after - before < 2)) && return 0
	done
	echo "  (server $1 still busy after ${SETTLE_SECONDS}s)"
}

# Reactor Netty's event-loop threads, or Tomcat's (its workers, poller and acceptor).
server_threads() {
	local tomcat
	tomcat="$(grep -l '^http-nio' /proc/"$1"/task/*/comm 2> /dev/null | wc -l)"
	if ((tomcat > 0)); then
		echo "$tomcat Tomcat http-nio"
	else
		echo "$(grep -l '^reactor-http' /proc/"$1"/task/*/comm 2> /dev/null | wc -l) reactor-http"
	fi
}

# run_wrk <mode> <connections> <seconds> <path> <with key: 0|1> <output file>
run_wrk() {
	local headers=()
	[[ $5 == 1 ]] && headers=(-H "$BASIC")
	timeout $(($3 + 60)) "${wrk_cpu[@]}" wrk -t "$WRK_THREADS" -c "$2" -d "${3}s" --timeout 5s --latency "${headers[@]}" \
		"http://127.0.0.1:${ports[$1]}$4" > "$6"
}

# wrk_row <wrk output file> <server CPU ticks>: requests, seconds, rps, p50_ms, p99_ms,
# non_2xx, socket_errors, cpu_s and cpu_us_per_request of one run, tab-separated.
wrk_row() {
	awk -v ticks="$2" -v hz="$CLK_TCK" '
		function ms(value) {
			if (value ~ /us$/) return value / 1000
			if (value ~ /ms$/) return value + 0
			if (value ~ /s$/) return value * 1000
			return value * 60000
		}
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		$2 == "requests" && $3 == "in" { requests = $1; sub(/,$/, "", $4); seconds = ms($4) / 1000 }
		/Requests\/sec:/ { rps = $2 }
		/Non-2xx or 3xx responses:/ { non_2xx = $NF }
		/Socket errors:/ { gsub(/[^0-9]+/, " "); errors = $1 + $2 + $3 + $4 }
		END {
			if (rps == "") { print "No complete wrk report in " FILENAME > "/dev/stderr"; exit 1 }
			cpu = ticks / hz
			printf "%d\t%.2f\t%.1f\t%.3f\t%.3f\t%d\t%d\t%.2f\t%s\n", requests, seconds, rps, p50, p99, non_2xx,
				errors, cpu, (requests > 0) ? sprintf("%.2f", cpu * 1000000 / requests) : "NaN"
		}' "$1"
}

selected() {
	[[ " ${selected_passes[*]} " == *" $1 "* ]]
}

# A quarter of the warm-up on each /metrics path a selected pass measures, the rest on
# /health, at the connection count of the first /health pass.
warm_no_key=0 warm_key=0
selected metrics-no-key && warm_no_key=1
selected metrics-key && warm_key=1
warmup_metrics=$(((WARMUP_SECONDS - WARMUP_SECONDS * 3 / 4 + 1) / 2))
warmup_health=$((WARMUP_SECONDS - warmup_metrics * (warm_no_key + warm_key)))
warmup_connections="$HIGH_CONNECTIONS"
selected health-high || warmup_connections="$LOW_CONNECTIONS"
for mode in "${modes[@]}"; do
	echo "warming up $mode for ${WARMUP_SECONDS}s"
	run_wrk "$mode" "$warmup_connections" "$warmup_health" /health 0 "$WORK/warmup-$mode-health.txt"
	if ((warm_no_key == 1)); then
		run_wrk "$mode" "$METRICS_CONNECTIONS" "$warmup_metrics" /metrics 0 "$WORK/warmup-$mode-metrics.txt"
	fi
	if ((warm_key == 1)); then
		run_wrk "$mode" "$METRICS_CONNECTIONS" "$warmup_metrics" /metrics 1 "$WORK/warmup-$mode-metrics-key.txt"
	fi
	settle "${pids[$mode]}"
done

threads_per_server=""
for mode in "${modes[@]}"; do
	threads_per_server+="$mode: $(server_threads "${pids[$mode]}"), "
done
echo "server threads: ${threads_per_server%, }"

# Passes: what PASSES names, the name in the results, path, connections, with the key.
passes=(
	"health-high|health-$HIGH_CONNECTIONS|/health|$HIGH_CONNECTIONS|0"
	"health-low|health-$LOW_CONNECTIONS|/health|$LOW_CONNECTIONS|0"
	"metrics-no-key|metrics-no-key|/metrics|$METRICS_CONNECTIONS|0"
	"metrics-key|metrics-key|/metrics|$METRICS_CONNECTIONS|1"
)
runs="$WORK/runs.tsv"
printf 'pass\tround\tmode\trequests\tseconds\trps\tp50_ms\tp99_ms\tnon_2xx\tsocket_errors\tcpu_s\tcpu_us_per_request\n' > "$runs"
for pass in "${passes[@]}"; do
	IFS='|' read -r key id path connections with_key <<< "$pass"
	selected "$key" || continue
	for round in $(seq 1 "$ROUNDS"); do
		for mode in "${modes[@]}"; do
			output="wrk/$id-$round-$mode.txt"
			before="$(cpu_ticks "${pids[$mode]}")"
			run_wrk "$mode" "$connections" "$DURATION_SECONDS" "$path" "$with_key" "$WORK/$output"
			after="$(cpu_ticks "${pids[$mode]}")"
			settle "${pids[$mode]}"
			row="$(wrk_row "$WORK/$output" $((after - before)))"
			printf '%s\t%s\t%s\t%s\n' "$id" "$round" "$mode" "$row" >> "$runs"
			echo "$id round $round/$ROUNDS $mode: $(awk '/Requests\/sec/ {print $2}' "$WORK/$output") requests/s"
		done
	done
done

echo "server threads=${threads_per_server%, }" >> "$meta"
cp "$runs" "$RESULTS/$OUTPUT_NAME-runs.tsv"
stamp="$(awk -F= '/^date=/ { date = $2 } /^machine=/ { machine = $2 } /^jvm=/ { jvm = $2 }
	END { printf "%s, %s\\n%s", date, machine, jvm }' "$meta")"
{
	cat "$meta"
	echo
	benchmarks/chart.sh "$runs" "$RESULTS/$OUTPUT_NAME.svg" "Load test: filter setups on $server" "$stamp"
} | tee "$RESULTS/$OUTPUT_NAME.txt"
