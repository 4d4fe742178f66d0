#!/usr/bin/env bash
# Start-up benchmark: the no-op rebuild, the one-file rebuild and --version of the seed-style image of
# run.sh, Berth only, each launcher in its own throwaway store, runs alternated (bench/alternate.py).
# Needs root (the image has a RUN step) and the busybox rootfs (see README.md).
#
#   bench/startup.sh [--rounds N] [LAUNCHER...]      (default launcher: this checkout's ./berth)
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
rounds=10
if [ "${1:-}" = "--rounds" ]; then rounds=$2; shift 2; fi
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=("$(dirname "$here")/berth")

rootfs=$(ls -d /var/tmp/berth-test-images/busybox-static-*/rootfs.tar 2>/dev/null | head -n1 || true)
[ -n "$rootfs" ] || { echo "startup.sh: no busybox rootfs under /var/tmp/berth-test-images (see bench/README.md)" >&2; exit 1; }
work=$(mktemp -d /var/tmp/berth-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/python"
printf 'flask==3.0.0\nrequests==2.31.0\n' > "$work/python/requirements.txt"
for i in $(seq 1 50); do printf 'def f%d():\n    return %d\n' "$i" "$i" > "$work/python/mod$i.py"; done
printf 'print("hello")\n' > "$work/python/app.py"
cat > "$work/python/Dockerfile" <<DOCKERFILE
FROM bench-base:startup
WORKDIR /app
COPY requirements.txt .
RUN mkdir -p /opt/venv && cp requirements.txt /opt/venv/installed.txt
COPY . .
CMD ["sh", "-c", "cat app.py"]
DOCKERFILE

noop=() onefile=() version=()
for i in "${!launchers[@]}"; do
  launcher=${launchers[$i]}
  store="$work/store$i"
  "$launcher" --version >/dev/null   # builds the CLI and its AOT cache outside the timings
  BERTH_ROOT="$store" "$launcher" import "$rootfs" bench-base:startup >/dev/null
  BERTH_ROOT="$store" "$launcher" build -q -t bench-out:startup "$work/python" >/dev/null
  noop+=("BERTH_ROOT=$store $launcher build -q -t bench-out:startup $work/python")
  version+=("$launcher --version")
done
echo "== no-op rebuild"
python3 "$here/alternate.py" "$rounds" "${noop[@]}"
echo "== one file changed (a line appended to app.py before each run)"
PREPARE="echo \"# \$RANDOM\" >> $work/python/app.py" python3 "$here/alternate.py" "$rounds" "${noop[@]}"
echo "== --version"
python3 "$here/alternate.py" "$rounds" "${version[@]}"
