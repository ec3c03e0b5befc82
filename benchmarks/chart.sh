#!/usr/bin/env bash
# Summarises a load test's runs and draws its chart with gnuplot. Reads the runs file that
# load.sh writes (one line per pass, round and mode: pass, round, mode, requests, seconds,
# rps, p50_ms, p99_ms, non_2xx, socket_errors, cpu_s, cpu_us_per_request), whose first
# mode is the baseline.
#
# Prints per pass and mode the median requests/s and its range over the rounds, the
# median (min-max) of each round's ratio to the baseline in the same round, the median
# p50 and p99 latency, the median server CPU time per request and its ratio to the
# baseline, non-2xx responses of all requests, and socket errors. Latency and CPU time
# leave out runs that completed no request. Draws, as SVG, the median requests/s of each
# mode per pass, with whiskers from the slowest to the fastest round, and the median ratio
# to the baseline above each bar.
#
# Usage: benchmarks/chart.sh RUNS_TSV SVG TITLE [SUBTITLE]     (\n in SUBTITLE starts a line)
#   benchmarks/chart.sh benchmarks/results/load-runs.tsv benchmarks/results/load.svg \
#     "Load test: filter setups on one Reactor Netty event-loop thread" "2026-11-26, 2 CPUs\nOpenJDK 17"
# Needs gnuplot (apt-get install -y gnuplot-nox; load.sh --install installs it).
set -euo pipefail
if (($# < 3)); then
	sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
fi
runs=$1 svg=$2 title=$3 subtitle=${4:-}
command -v gnuplot > /dev/null || { echo "gnuplot is not installed: apt-get install -y gnuplot-nox" >&2; exit 1; }
data="$(mktemp)"
trap 'rm -f "$data"' EXIT

# The table goes to standard output; the chart's data (a line per pass: its name, then
# per mode the median, min and max requests/s and the median ratio to the baseline) to $data.
awk -F'\t' -v OFS='\t' -v data="$data" '
	# Sorts the space-separated values of list into v[1..n]; returns n.
	function sorted(list, v,   n, i, j, t) {
		n = split(list, v, " ")
		for (i = 1; i <= n; i++) {
			t = v[i] + 0
			for (j = i - 1; j > 0 && v[j] > t; j--) v[j + 1] = v[j]
			v[j + 1] = t
		}
		return n
	}
	function median(list,   v, n) {
		n = sorted(list, v)
		return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	function range(list, format,   v, n) {
		n = sorted(list, v)
		return sprintf(format "-" format, v[1], v[n])
	}
	function measured(list, format) {
		return (list == "") ? "-" : sprintf(format, median(list))
	}
	function ratio(list) {
		return (list == "") ? "-" : sprintf("%.2f (%s)", median(list), range(list, "%.2f"))
	}
	NR == 1 { next }
	{
		if (!($1 in seen_pass)) { seen_pass[$1]; passes[++pass_count] = $1 }
		if (!($3 in seen_mode)) { seen_mode[$3]; modes[++mode_count] = $3 }
		key = $1 SUBSEP $3
		rows++; row_key[rows] = key; row_round[rows] = $1 SUBSEP $2; row_mode[rows] = $3
		row_rps[rows] = $6; row_cpu[rows] = ($4 > 0) ? $12 : ""
		rps[key] = rps[key] " " $6
		requests[key] += $4; non_2xx[key] += $9; errors[key] += $10
		if ($4 > 0) { p50[key] = p50[key] " " $7; p99[key] = p99[key] " " $8; cpu[key] = cpu[key] " " $12 }
	}
	END {
		baseline = modes[1]
		for (i = 1; i <= rows; i++) {
			if (row_mode[i] == baseline) { base_rps[row_round[i]] = row_rps[i]; base_cpu[row_round[i]] = row_cpu[i] }
		}
		for (i = 1; i <= rows; i++) {
			if (base_rps[row_round[i]] > 0) rps_ratio[row_key[i]] = rps_ratio[row_key[i]] " " row_rps[i] / base_rps[row_round[i]]
			if (row_cpu[i] != "" && base_cpu[row_round[i]] > 0) cpu_ratio[row_key[i]] = cpu_ratio[row_key[i]] " " row_cpu[i] / base_cpu[row_round[i]]
		}
		print "pass", "mode", "rps", "rps range", "rps vs " baseline, "p50 ms", "p99 ms", "cpu us/request", "cpu vs " baseline, "non-2xx", "socket errors"
		for (p = 1; p <= pass_count; p++) {
			line = passes[p]
			for (m = 1; m <= mode_count; m++) {
				key = passes[p] SUBSEP modes[m]
				if (!(key in rps)) { line = line "\tNaN\tNaN\tNaN\tNaN"; continue }
				n = sorted(rps[key], v)
				line = line "\t" median(rps[key]) "\t" v[1] "\t" v[n] "\t" ((rps_ratio[key] == "") ? "NaN" : median(rps_ratio[key]))
				print passes[p], modes[m], sprintf("%.0f", median(rps[key])), range(rps[key], "%.0f"),
					ratio(rps_ratio[key]), measured(p50[key], "%.2f"), measured(p99[key], "%.2f"),
					measured(cpu[key], "%.1f"), ratio(cpu_ratio[key]), non_2xx[key] " of " requests[key], errors[key]
			}
			print line > data
		}
	}' "$runs" | column -t -s $'\t'

modes="$(awk -F'\t' 'NR > 1 && !seen[$3]++ { printf "%s ", $3 }' "$runs")"
passes="$(wc -l < "$data")"
gnuplot << GNUPLOT
set terminal svg size 1000,560 fixed font "sans,13" background rgb "white"
set output "$svg"
set datafile separator "\t"
set title noenhanced "$title\n$subtitle\nMedian of the rounds, whiskers from the slowest to the fastest, ratio to ${modes%% *} in the same round above"
set ylabel "requests per second"
set xrange [-0.5:$passes - 0.5]
set yrange [0:*]
set offsets 0, 0, graph 0.08, 0
set grid ytics
set xtics noenhanced nomirror
set key noenhanced below horizontal samplen 2
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.9 border -1
colours = "#8c8c8c #2b7bba #5fa8d3 #d95f02 #7570b3 #1b9e77"
modes = "$modes"
n = words(modes)
plot for [i = 1:n] "$data" using (column(4 * i - 2)):(column(4 * i - 1)):(column(4 * i)):xtic(1) \
		title word(modes, i) linecolor rgb word(colours, (i - 1) % 6 + 1), \
	for [i = 1:n] "$data" using (\$0 + (i - 1 - (n - 1) / 2.0) / (n + 1)):(column(4 * i)):(sprintf("%.2f", column(4 * i + 1))) \
		with labels offset 0, 0.6 font ",10" notitle
GNUPLOT
