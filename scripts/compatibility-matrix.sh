#!/usr/bin/env bash
# The compatibility matrix: runs the starter smoke test and the sample apps' integration
# tests on every supported Spring Boot generation against the one published jar, the
# one `./mvnw install` built (run that first). Only the applications are built per
# generation, as a user's would be; the starter's jars come unchanged from the local
# repository, and each run checks their SHA-256 (AbstractSampleAppTests). The load tests
# (tag "load": the key-store flood, the mixed load) run once, on the baseline, so that CI
# stays well inside its time limit.
#
#   scripts/compatibility-matrix.sh                # every generation other than the baseline
#   scripts/compatibility-matrix.sh boot-3.5       # one generation (a profile of the root pom)
set -euo pipefail
cd "$(dirname "$0")/.."

generations=("$@")
if [[ ${#generations[@]} -eq 0 ]]; then
	generations=(boot-3.5 boot-4.1)
fi

repository=$(./mvnw -q -B -ntp help:evaluate -Dexpression=settings.localRepository -DforceStdout)
version=$(./mvnw -q -B -ntp help:evaluate -Dexpression=project.version -DforceStdout)
jar="$repository/ai/litellm/spring/litellm-spring-boot/$version/litellm-spring-boot-$version.jar"
if [[ ! -f $jar ]]; then
	echo "No published jar at $jar: run ./mvnw install first." >&2
	exit 1
fi
sha256=$(sha256sum "$jar" | cut -d' ' -f1)
echo "Published jar: $jar (SHA-256 $sha256)"

modules=sample-app,sample-servlet-app,starter-smoke-test
for generation in "${generations[@]}"; do
	echo "=== $generation: $modules against the published jar"
	./mvnw -B -ntp -P"$generation" -pl "$modules" clean verify -Dlitellm.published-jar.sha256="$sha256" \
		-Dlitellm.excluded-test-groups=load
done
