#!/usr/bin/env bash
# Installs what the tests need beside the .NET SDK, and only what is missing, so it is quick
# to run again: the Python grpcio and Node @grpc/grpc-js peers for the wire tests, RabbitMQ for
# the broker tests (they start private nodes of it; nothing runs as a system service), and
# docker-compose to check docker-compose.yml.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

packages=(python3-grpcio python3-protobuf protobuf-compiler docker-compose rabbitmq-server nodejs npm)
missing=()
for package in "${packages[@]}"; do
  # node and npm may come from elsewhere than Debian (nvm, NodeSource); any will do.
  case "$package" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "Need root to install ${missing[*]}: run 'apt-get install -y ${missing[*]}' as root, then try again." >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_dir="$root/tests/wire/node"
if [[ ! -d "$node_dir/node_modules/@grpc/grpc-js" || "$node_dir/package-lock.json" -nt "$node_dir/node_modules" ]]; then
  echo "Installing the Node gRPC peer (npm ci in tests/wire/node)"
  npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error
  touch "$node_dir/node_modules"
fi
