#!/usr/bin/env bash
# Every test, on a fresh machine: the README's test command, and what CI runs.
#   1. the tools the tests need beyond a JDK (Debian's prometheus);
#   2. the whole suite on JDK 17 against the baseline Spring Boot, installing the jars
#      it publishes into the local repository;
#   3. the compatibility matrix: those same jars under the sample apps and the smoke
#      test on the other supported Spring Boot generations;
#   4. the whole suite again, built and run on JDK 25.
# JDK17_HOME and JDK25_HOME override where the two JDKs are looked for.
set -euo pipefail
cd "$(dirname "$0")/.."

find_jdk() {
	local version=$1 override=$2 candidate
	if [[ -n $override ]]; then
		candidate=$override
	else
		candidate=$(find /usr/lib/jvm -maxdepth 1 -mindepth 1 -type d -name "*-$version-*" 2>/dev/null | sort | head -n1)
	fi
	if [[ -z $candidate || ! -x $candidate/bin/javac ]]; then
		echo "No JDK $version found (looked in /usr/lib/jvm for *-$version-*${override:+ and at $override})." >&2
		echo "Install one, or point JDK${version}_HOME at it." >&2
		exit 1
	fi
	echo "$candidate"
}

jdk17=$(find_jdk 17 "${JDK17_HOME:-}")
jdk25=$(find_jdk 25 "${JDK25_HOME:-}")

scripts/install-test-tools.sh

echo "=== JDK 17 ($jdk17): the whole suite, installing the published jars"
JAVA_HOME=$jdk17 ./mvnw -B -ntp install

echo "=== JDK 17: the compatibility matrix on the published jars"
JAVA_HOME=$jdk17 scripts/compatibility-matrix.sh

echo "=== JDK 25 ($jdk25): the whole suite"
JAVA_HOME=$jdk25 ./mvnw -B -ntp clean verify
