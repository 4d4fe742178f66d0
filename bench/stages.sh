#!/usr/bin/env bash
# The "stages" scenario of bench/run.sh alone (three independent `RUN sleep N` stages, a final stage copying
# a file from each, --no-cache), timed for one or more berth launchers in alternation, so that a before/after
# comparison sees the same load. Needs root (RUN steps). Prints one line per build and the means.
#
#   bench/stages.sh [--seconds N] [--runs N] [BERTH_LAUNCHER...]   (default: this checkout's ./berth)
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
seconds=5
runs=5
launchers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift ;;
    --runs) runs=$2; shift ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) launchers+=("$1") ;;
  esac
  shift
done
[ ${#launchers[@]} -gt 0 ] || launchers=("$(dirname "$here")/berth")
if [ "$(id -u)" -ne 0 ]; then echo "stages.sh: needs root (RUN steps run containers)" >&2; exit 1; fi
rootfs=$(ls -d /var/tmp/berth-test-images/busybox-static-*/rootfs.tar 2>/dev/null | head -n1 || true)
[ -n "$rootfs" ] || { echo "stages.sh: no busybox rootfs under /var/tmp/berth-test-images (see bench/run.sh)" >&2; exit 1; }

work=$(mktemp -d /var/tmp/berth-stages.XXXXXX)
trap 'rm -rf "$work"' EXIT
export BERTH_ROOT="$work/store"
mkdir -p "$work/ctx"
{
  for s in a b c; do printf 'FROM bench-base AS %s\nRUN sleep %s && echo %s > /%s\n' "$s" "$seconds" "$s" "$s"; done
  printf 'FROM bench-base\n'
  for s in a b c; do printf 'COPY --from=%s /%s /%s\n' "$s" "$s" "$s"; done
} > "$work/ctx/Dockerfile"
for launcher in "${launchers[@]}"; do
  "$launcher" --version >/dev/null   # builds the CLI and its AOT cache outside the timings
  "$launcher" import "$rootfs" bench-base >/dev/null 2>&1 || true
  "$launcher" build -q --no-cache -t stages-out "$work/ctx" >/dev/null   # snapshots of the base made once
done
declare -A total
for ((i = 1; i <= runs; i++)); do
  for launcher in "${launchers[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    "$launcher" build -q --no-cache -t stages-out "$work/ctx" >/dev/null
    took=$(echo "$(date +%s.%N) - $start" | bc -l)
    total[$launcher]=$(echo "${total[$launcher]:-0} + $took" | bc -l)
    printf '%s run %d: %.2f s (load %s)\n' "$launcher" "$i" "$took" "$load"
  done
done
for launcher in "${launchers[@]}"; do
  printf '%s: mean %.2f s over %d runs (3 x %s s stages)\n' "$launcher" "$(echo "${total[$launcher]} / $runs" | bc -l)" "$runs" "$seconds"
done
