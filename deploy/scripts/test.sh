#!/usr/bin/env bash
# Sets up and runs every test: installs missing test dependencies, starts Docker and builds the
# local images when needed, checks docker-compose.yml, builds the solution with warnings as
# errors, runs the .NET test suite, then runs docker-compose.yml end to end (compose-test.sh).
# Extra arguments go to `dotnet test` and skip the compose test, for example:
#   bash deploy/scripts/test.sh --filter Wire
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/deploy/scripts/common.sh"
cd "$root"

bash deploy/scripts/install-test-dependencies.sh
bash deploy/scripts/local-images.sh

# Testcontainers for .NET against Debian's Docker 20.10 daemon, whose API it does not negotiate;
# its resource reaper image cannot be pulled here, and the fixtures remove their containers.
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
if [[ -z "${NEWSROOM_TEST_RABBITMQ_IMAGE:-}" ]] && ! docker image inspect rabbitmq:3.13-management >/dev/null 2>&1; then
  export NEWSROOM_TEST_RABBITMQ_IMAGE="${NEWSROOM_LOCAL_PREFIX:-newsroom-local}/rabbitmq:3-management"
fi
echo "Broker tests use ${NEWSROOM_TEST_RABBITMQ_IMAGE:-the official rabbitmq:3.13-management image}"
if [[ -z "${NEWSROOM_TEST_POSTGRES_IMAGE:-}" ]] && ! docker image inspect postgres:15 >/dev/null 2>&1; then
  export NEWSROOM_TEST_POSTGRES_IMAGE="${NEWSROOM_LOCAL_PREFIX:-newsroom-local}/postgres:15"
fi
echo "PostgreSQL tests use ${NEWSROOM_TEST_POSTGRES_IMAGE:-the official postgres:15 image}"

# A safety net for containers a test run could not remove (a killed test host): only those that
# Testcontainers started after this script did.
started_at=$(date -u +%Y-%m-%dT%H:%M:%S)
remove_leftover_test_containers() {
  docker ps -aq --filter label=org.testcontainers=true \
    | xargs -r docker inspect -f '{{.Id}} {{.Created}}' \
    | awk -v since="$started_at" '$2 >= since { print $1 }' \
    | xargs -r docker rm -f >/dev/null || true
}
log="$(mktemp)"
trap 'remove_leftover_test_containers; rm -f "$log"' EXIT

echo "Checking docker-compose.yml, alone and with the cluster and PostgreSQL profiles (deploy/compose.cluster.yml, deploy/compose.postgres.yml)"
# Placeholders for the secrets they require; compose-test.sh runs it with random ones.
(
  export RABBITMQ_PASSWORD=check INGEST_BROKER_PASSWORD=check EXTRACTION_BROKER_PASSWORD=check DEDUP_BROKER_PASSWORD=check \
    QUERY_BROKER_PASSWORD=check NEWSROOM_INGEST_API_KEY=check-check-check RABBITMQ_ERLANG_COOKIE=check POSTGRES_PASSWORD=check
  docker-compose -f docker-compose.yml config -q
  docker-compose -f docker-compose.yml -f deploy/compose.cluster.yml config -q
  docker-compose -f docker-compose.yml -f deploy/compose.postgres.yml -f deploy/compose.cluster.yml config -q
)

echo "Building Microservices.sln"
dotnet build Microservices.sln --nologo -v quiet -clp:NoSummary

set +e
started=$(now)
dotnet test Microservices.sln --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
echo "dotnet test: $(elapsed "$started")"
remove_leftover_test_containers

# The compose test counts as one more test in the summary.
compose=skipped
if (($# == 0)); then
  if bash deploy/scripts/compose-test.sh; then compose=passed; else compose=failed; status=1; fi
fi
set -e

# One closing line over all test assemblies and the compose test, in the form CI tools read,
# after the names of the tests that failed and the first lines of their messages, so that the end of a
# long log says which to rerun and why they failed.
awk -v compose="$compose" '/^ +Failed [A-Za-z_]/ { sub(/^ +/, ""); print; message = 0; next }
     /^ +Error Message:/ { message = 1; next }
     /^ +Stack Trace:/ { message = 0; stack = 1; next }
     /^ *$/ { message = 0 }
     message && message++ <= 6 { sub(/^ */, "    "); print }
     stack && /:line [0-9]+$/ { sub(/^ */, "    "); print; stack = 0 }
     /(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { if (compose == "failed") print "Failed the compose test (deploy/scripts/compose-test.sh)"
           p += compose == "passed"; f += compose == "failed"; s += compose == "skipped"
           printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
