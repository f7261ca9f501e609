#!/usr/bin/env bash
# Installs what the tests need beside the .NET SDK, and only what is missing, so it is quick to
# run again: the Python grpcio and Node @grpc/grpc-js peers for the interop tests, Docker with
# docker-compose and debootstrap for the container tests (RabbitMQ through Testcontainers, the
# compose test) and the local images, and jq and curl for the compose test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/deploy/scripts/common.sh"

# shellcheck disable=SC2046 # one package name a word
apt_install_missing python3-grpcio python3-protobuf protobuf-compiler \
  $(packages_for_missing_commands node=nodejs npm=npm dockerd=docker.io docker-compose=docker-compose \
    debootstrap=debootstrap jq=jq curl=curl python3=python3)

node_dir="$root/tests/wire/node"
if [[ ! -d "$node_dir/node_modules/@grpc/grpc-js" || "$node_dir/package-lock.json" -nt "$node_dir/node_modules" ]]; then
  echo "Installing the Node gRPC peer (npm ci in tests/wire/node)"
  npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error
  touch "$node_dir/node_modules"
fi
