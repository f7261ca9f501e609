#!/bin/sh
# The service image's entry point: runs the service that NEWSROOM_SERVICE names (ingest,
# extraction, dedup or query) with the given arguments, for example --healthcheck. It execs, so
# the service itself is PID 1 and receives the container's stop signal.
set -e
service_dir="/app/${NEWSROOM_SERVICE:-}"
if [ -z "${NEWSROOM_SERVICE:-}" ] || [ ! -d "$service_dir" ]; then
  echo "NEWSROOM_SERVICE is '${NEWSROOM_SERVICE:-}'; set it to one of: $(cd /app && echo *)" >&2
  exit 2
fi
# The published app is the one assembly with a runtimeconfig.json; appsettings.json is read from
# the working directory.
cd "$service_dir"
for runtime_config in ./*.runtimeconfig.json; do :; done
exec dotnet "${runtime_config%.runtimeconfig.json}.dll" "$@"
