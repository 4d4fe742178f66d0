#!/usr/bin/env bash
# Container commands side by side (issue 12), in one run on one image: `run --rm IMAGE true` (on the default
# bridge network and with --network none), `run -d -p` until the published port answers, and `ps` with 50
# containers running. The image is busybox (the host's /bin/busybox in a scratch image, built by Berth and
# loaded into the others with `berth save | docker load`). Tools: berth (this checkout's launcher), docker
# (a running dockerd on /var/run/docker.sock), podman (rootful, if installed). alternate.py runs each
# scenario's commands in turn, ROUNDS rounds after one warm-up each, so machine load falls on all alike.
#
#   bench/containers.sh [--rounds N] [--tools berth,docker,podman] [BERTH_LAUNCHER]
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
rounds=10
tools=berth,docker,podman
berth="$(dirname "$here")/berth"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift ;;
    --tools) tools=$2; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) berth=$1 ;;
  esac
  shift
done
if [ "$(id -u)" -ne 0 ]; then echo "containers.sh: needs root (containers, bridge networks)" >&2; exit 1; fi
has() { [[ ",$tools," == *",$1,"* ]]; }
if has docker && ! docker info >/dev/null 2>&1; then echo "containers.sh: no dockerd answers; start one or drop docker from --tools" >&2; exit 1; fi
if has podman && ! command -v podman >/dev/null; then echo "containers.sh: podman not installed; dropping it" >&2; tools=${tools//podman/}; fi

work=$(mktemp -d /var/tmp/berth-containers-bench.XXXXXX)
export BERTH_ROOT="$work/store"
image=docker.io/library/bench-busybox:1
cleanup() {
  set +e
  "$berth" rm -f $("$berth" ps -aq) >/dev/null 2>&1
  if has docker; then docker rm -f $(docker ps -aq --filter label=berth-bench) >/dev/null 2>&1; docker rmi "$image" >/dev/null 2>&1; fi
  if has podman; then podman rm -f $(podman ps -aq --filter label=berth-bench) >/dev/null 2>&1; podman rmi "$image" >/dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/ctx"
cp "$(readlink -f /bin/busybox)" "$work/ctx/busybox"
printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nRUN mkdir /www && echo hello > /www/index.html\n' > "$work/ctx/Dockerfile"
"$berth" --version >/dev/null   # builds the CLI and its AOT cache outside the timings
export BERTH_NO_REBUILD=1        # and the launcher's look for changed sources stays out of them too
"$berth" build -q -t "$image" "$work/ctx" >/dev/null
has docker && "$berth" save "$image" | docker load -q >/dev/null
has podman && "$berth" save "$image" | podman load -q >/dev/null

# One command line per tool for a scenario: $1 is a template with TOOL for the tool's command.
lines() {
  local template=$1 tool out=()
  for tool in berth docker podman; do
    has "$tool" || continue
    local command=$tool
    [ "$tool" = berth ] && command=$berth
    out+=("${template//TOOL/$command}")
  done
  printf '%s\n' "${out[@]}"
}
alternate() { mapfile -t commands < <(lines "$1"); python3 "$here/alternate.py" "$rounds" "${commands[@]}"; }

echo "== run --rm IMAGE true (default network: bridge)"
alternate "TOOL run --rm $image true"
echo "== run --rm --network none IMAGE true"
alternate "TOOL run --rm --network none $image true"

echo "== run -d -p PORT:80 IMAGE httpd, until the port answers (rm -f before each run, untimed)"
port=18931
PREPARE="for t in $(lines TOOL | tr '\n' ' '); do \$t rm -f bench-web >/dev/null 2>&1 || true; done" \
  alternate "TOOL run -d --name bench-web --label berth-bench=1 -p 127.0.0.1:$port:80 $image httpd -f -p 80 -h /www >/dev/null && until curl -sf -o /dev/null http://127.0.0.1:$port/; do sleep 0.01; done"
for tool in $(lines TOOL); do $tool rm -f bench-web >/dev/null 2>&1 || true; done

echo "== ps with 50 containers running"
for tool in $(lines TOOL); do
  for i in $(seq 1 50); do $tool run -d --label berth-bench=1 --network none "$image" sleep 100000 >/dev/null; done
done
alternate "TOOL ps"
