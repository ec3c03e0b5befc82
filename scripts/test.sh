#!/usr/bin/env bash
# Every test: the README's test command, and what CI runs.
#   0. the relative links of the documentation (scripts/check-links.sh);
#   1. the tools the tests need beyond a JDK (a Prometheus server and promtool);
#   2. the whole suite on JDK 17 against the baseline Spring Boot, installing the jars
#      it publishes into the local repository;
#   3. the compatibility matrix: those same jars under the sample apps and the smoke
#      test on the other supported Spring Boot generations, with, beside it, mutation
#      testing of the autoconfigure module (its profile "mutation": PIT, whose floors fail
#      the run), its output shown once the matrix is done;
#   4. the whole suite again, built and run on JDK 25.
# Steps 3 and 4 leave out the load tests (tag "load": the key-store flood and the mixed
# load), which step 2 runs.
# On a developer's machine it runs what it can: without JDK 17 the suite runs on the JDK
# at hand (17 or newer), without JDK 25 step 4 is skipped, and it says what it skipped.
# On CI (CI=true) every step is required, and a missing JDK fails the run.
# JDK17_HOME and JDK25_HOME override where the two JDKs are looked for.
set -euo pipefail
cd "$(dirname "$0")/.."

required=false
if [[ ${CI:-} == true ]]; then
	required=true
fi
skipped=()

# A JDK of the given version: the override, else the first under /usr/lib/jvm or
# /Library/Java/JavaVirtualMachines (macOS), else nothing.
find_jdk() {
	local version=$1 override=$2 candidate=""
	if [[ -n $override ]]; then
		candidate=$override
	else
		candidate=$({ find /usr/lib/jvm -maxdepth 1 -mindepth 1 -type d -name "*-$version-*" 2>/dev/null
			find /Library/Java/JavaVirtualMachines -maxdepth 3 -mindepth 3 -type d -path "*-$version*/Contents/Home" 2>/dev/null
		} | sort | head -n1)
	fi
	if [[ -n $candidate && -x $candidate/bin/javac ]]; then
		echo "$candidate"
	fi
}

missing() {
	if [[ $required == true ]]; then
		echo "CI requires $1, which is missing: install it, or point ${2}_HOME at it." >&2
		exit 1
	fi
	skipped+=("$1")
}

jdk17=$(find_jdk 17 "${JDK17_HOME:-}")
jdk25=$(find_jdk 25 "${JDK25_HOME:-}")
baseline=$jdk17
if [[ -z $jdk17 ]]; then
	missing "JDK 17" JDK17
	baseline=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
	echo "No JDK 17 found: running the suite on the JDK at hand ($baseline)"
fi

scripts/check-links.sh

scripts/install-test-tools.sh

echo "=== $baseline: the whole suite, installing the published jars"
JAVA_HOME=$baseline ./mvnw -B -ntp install

echo "=== $baseline: the compatibility matrix on the published jars, mutation testing beside it"
# Side by side, so that mutation testing adds little to the wall time of the run; its
# output is kept apart and shown after the matrix, and either failing fails the run.
mutation_log=$(mktemp)
JAVA_HOME=$baseline ./mvnw -B -ntp -Pmutation -pl autoconfigure test-compile \
	pitest:mutationCoverage@core pitest:mutationCoverage@wiring >"$mutation_log" 2>&1 &
mutation=$!
matrix_status=0
JAVA_HOME=$baseline scripts/compatibility-matrix.sh || matrix_status=$?
mutation_status=0
wait "$mutation" || mutation_status=$?
echo "=== $baseline: mutation testing (autoconfigure/target/pit-reports)"
cat "$mutation_log"
rm -f "$mutation_log"
if [[ $matrix_status -ne 0 || $mutation_status -ne 0 ]]; then
	echo "Failed: compatibility matrix (exit $matrix_status), mutation testing (exit $mutation_status)" >&2
	exit 1
fi

if [[ -n $jdk25 ]]; then
	echo "=== JDK 25 ($jdk25): the whole suite"
	JAVA_HOME=$jdk25 ./mvnw -B -ntp clean verify -Dlitellm.excluded-test-groups=load
else
	missing "JDK 25" JDK25
fi

if [[ ${#skipped[@]} -gt 0 ]]; then
	echo "Skipped (not found on this machine): ${skipped[*]}. CI runs them."
fi
