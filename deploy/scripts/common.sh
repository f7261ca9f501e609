# shellcheck shell=bash
# Helpers the set-up scripts share; source it, don't run it.

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "Need root for: $*. Install sudo or run this script as root." >&2
    return 1
  fi
}

# Installs the Debian packages that are not installed yet; quick when none is missing.
apt_install_missing() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  echo "Installing Debian packages: ${missing[*]}"
  local log
  log=$(mktemp)
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 \
      apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "Could not install ${missing[*]} (above: the end of apt-get's output). Fix what it reports (network, disk, a held package), or run 'apt-get install ${missing[*]}' as root, then try again." >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# Prints the Debian package of each command that is missing, given as command=package pairs.
# A command may come from elsewhere (nvm, Docker's own packages, pip): any will do, and a Debian
# package beside another installation could conflict with it.
packages_for_missing_commands() {
  local pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null || echo "${pair#*=}"
  done
}

# Makes sure a Docker daemon answers, installing Docker and starting dockerd when needed.
ensure_docker_daemon() {
  command -v docker >/dev/null || apt_install_missing docker.io
  docker info >/dev/null 2>&1 && return 0

  if docker info 2>&1 | grep -qi "permission denied"; then
    echo "The Docker daemon runs, but $(id -un) may not use it: add yourself to the docker group ('sudo usermod -aG docker $(id -un)', then log in again) or run as root." >&2
    return 1
  fi

  command -v dockerd >/dev/null || apt_install_missing docker.io
  local log=/var/log/newsroom-dockerd.log
  if [[ -d /run/systemd/system ]] && as_root systemctl start docker 2>/dev/null; then
    echo "Started the Docker service (systemctl start docker)"
  else
    echo "Starting dockerd in the background (log: $log)"
    as_root sh -c "nohup dockerd >>'$log' 2>&1 &"
  fi
  local waited=0
  until docker info >/dev/null 2>&1; do
    if ((waited >= 60)); then
      echo "dockerd did not answer within 60 s. Its log ($log) says:" >&2
      as_root tail -n 20 "$log" >&2 || true
      echo "Fix what it reports (often: another dockerd or containerd already running, or no cgroup/overlay support), then try again." >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
    ((waited % 10)) || echo "  waiting for dockerd to answer ($waited s)"
  done
}

# Seconds since the epoch with a tenth, for stage timings.
now() { date +%s.%N; }
elapsed() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f s", end - start }'; }
