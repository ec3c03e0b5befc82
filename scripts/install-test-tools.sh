#!/usr/bin/env bash
# Installs the tools the tests need beyond a JDK: a Prometheus server, which both sample
# apps' scrape tests and the WebFlux sample's MonitoringTests start on a loopback port,
# and promtool, which the monitoring module's tests run on the alert rules and the
# dashboard's queries. Debian's prometheus package has both. Idempotent: does nothing
# when `prometheus` and `promtool` are already on the PATH. Debian and Ubuntu only.
#
# The Debian package would normally start and enable a Prometheus service on port
# 9090. The tests do not need it, so the service is kept from starting while the
# package is installed (policy-rc.d), and stopped and disabled if it runs anyway.
set -euo pipefail

versions() {
	prometheus --version 2>&1 | sed -n 1p
	promtool --version 2>&1 | sed -n 1p
}

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
	versions
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "The tests need a Prometheus server and promtool on the PATH, and this script installs them" >&2
	echo "with apt-get only. Elsewhere install them yourself (macOS: brew install prometheus)." >&2
	exit 1
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
	sudo=(sudo)
fi

# Exit status 101 from policy-rc.d tells invoke-rc.d and deb-systemd-invoke not to
# start services. Containers often have one already; leave an existing one alone.
policy=/usr/sbin/policy-rc.d
own_policy=false
if [[ ! -e $policy ]]; then
	printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
	"${sudo[@]}" chmod 755 "$policy"
	own_policy=true
fi
remove_own_policy() {
	if [[ $own_policy == true ]]; then
		"${sudo[@]}" rm -f "$policy"
	fi
}
trap remove_own_policy EXIT

"${sudo[@]}" apt-get update
# sudo resets the environment, so hand the variable over through env.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus

# A service started anyway (or by a manager that ignores policy-rc.d) would hold
# port 9090 on every boot; the tests start their own server instead.
if [[ -d /run/systemd/system ]]; then
	if systemctl is-active --quiet prometheus || systemctl is-enabled --quiet prometheus; then
		echo "Stopping and disabling the prometheus service the package set up"
		"${sudo[@]}" systemctl disable --now prometheus
	fi
elif [[ -x /etc/init.d/prometheus ]] && "${sudo[@]}" /etc/init.d/prometheus status >/dev/null 2>&1; then
	echo "Stopping the prometheus service the package started"
	"${sudo[@]}" /etc/init.d/prometheus stop
fi

versions
