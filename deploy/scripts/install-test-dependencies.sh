#!/usr/bin/env bash
# Installs what the tests need beside the .NET SDK, and only what is missing, so it is quick to
# run again: the Python grpcio and Node @grpc/grpc-js peers for the wire tests, RabbitMQ for the
# broker tests (they start private nodes of it; nothing runs as a system service), Docker with
# docker-compose and debootstrap for the container tests and the local images, and jq and curl
# for the compose test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/deploy/scripts/common.sh"

packages=(python3-grpcio python3-protobuf protobuf-compiler rabbitmq-server)
# These may come from elsewhere than Debian (nvm, Docker's own packages, pip): any will do, and a
# Debian package beside another installation would conflict with it.
declare -A package_of_command=(
  [node]=nodejs [npm]=npm [dockerd]=docker.io [docker-compose]=docker-compose
  [debootstrap]=debootstrap [jq]=jq [curl]=curl [python3]=python3
)
for command in "${!package_of_command[@]}"; do
  command -v "$command" >/dev/null || packages+=("${package_of_command[$command]}")
done
apt_install_missing "${packages[@]}"

node_dir="$root/tests/wire/node"
if [[ ! -d "$node_dir/node_modules/@grpc/grpc-js" || "$node_dir/package-lock.json" -nt "$node_dir/node_modules" ]]; then
  echo "Installing the Node gRPC peer (npm ci in tests/wire/node)"
  npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error
  touch "$node_dir/node_modules"
fi
