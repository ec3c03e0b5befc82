#!/usr/bin/env bash
# Prints the key=value lines that stamp a results file: date, machine, JVM. Sourced by
# jmh.sh and load.sh; the caller adds its command and settings.
machine_info() {
	echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine=$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "load average at start=$(cut -d' ' -f1-3 /proc/loadavg)"
	echo "jvm=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name|java.runtime.version/ {printf "%s ", $2}' | sed 's/ $//')"
}
