#!/usr/bin/env bash
# RUN overhead on a large base against a small one (issue 15): `RUN true` with --no-cache on Debian minbase
# and on busybox, alternated by alternate.py in one store, after one build of each has unpacked the bases.
# The difference of the medians is what a RUN step costs for the size of its base; the target is <= 50 ms.
# With --cold, also the first RUN on a freshly imported Debian (unpacking it included) and `tar -x` of the
# same rootfs, the floor of that unpacking. Needs root (RUN steps); the rootfs tarballs the test fixtures
# make under /var/tmp/berth-test-images (BaseImages: busybox-static and mmdebstrap minbase).
#
#   bench/run-overhead.sh [--rounds N] [--cold] [BERTH_LAUNCHER]   (default: this checkout's ./berth)
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
rounds=10
cold=0
berth="$(dirname "$here")/berth"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift ;;
    --cold) cold=1 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) berth=$1 ;;
  esac
  shift
done
if [ "$(id -u)" -ne 0 ]; then echo "run-overhead.sh: needs root (RUN steps run containers)" >&2; exit 1; fi
images=/var/tmp/berth-test-images
busybox=$(ls -d "$images"/busybox-static-*/rootfs.tar 2>/dev/null | head -n1 || true)
debian="$images/debian-bookworm-minbase/rootfs.tar"
[ -n "$busybox" ] && [ -f "$debian" ] || { echo "run-overhead.sh: no rootfs tarballs under $images" >&2; exit 1; }

work=$(mktemp -d /var/tmp/berth-run-overhead.XXXXXX)
trap 'rm -rf "$work"' EXIT
export BERTH_ROOT="$work/store"
"$berth" --version >/dev/null   # builds the CLI and its AOT cache outside the timings
"$berth" import "$debian" overhead-debian >/dev/null
"$berth" import "$busybox" overhead-busybox >/dev/null
for base in debian busybox; do
  mkdir -p "$work/$base"
  printf 'FROM overhead-%s\nRUN true\n' "$base" > "$work/$base/Dockerfile"
  "$berth" build -q --no-cache -t "overhead-$base-out" "$work/$base" >/dev/null   # unpacks the base once
done
python3 "$here/alternate.py" "$rounds" \
  "$berth build -q --no-cache -t overhead-debian-out $work/debian" \
  "$berth build -q --no-cache -t overhead-busybox-out $work/busybox"
if [ "$cold" = 1 ]; then
  PREPARE="rm -rf $work/cold $work/untar && mkdir -p $work/untar && BERTH_ROOT=$work/cold $berth import $debian overhead-debian >/dev/null && sync" \
    python3 "$here/alternate.py" 3 \
    "BERTH_ROOT=$work/cold $berth build -q --no-cache -t overhead-cold $work/debian" \
    "tar -xf $debian -C $work/untar"
fi
