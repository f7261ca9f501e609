#!/usr/bin/env bash
# Sets up and runs every test: installs missing test dependencies, builds the solution with
# warnings as errors, checks docker-compose.yml, and runs the test suite.
# Extra arguments go to `dotnet test`, for example: bash deploy/scripts/test.sh --filter Wire
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

bash deploy/scripts/install-test-dependencies.sh

echo "Checking docker-compose.yml"
docker-compose -f docker-compose.yml config -q

echo "Building Microservices.sln"
dotnet build Microservices.sln --nologo -v quiet -clp:NoSummary

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test Microservices.sln --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test assemblies, in the form CI tools read.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
