#!/usr/bin/env bash
# End-to-end benchmark: Berth against Docker's legacy builder and Buildah (where installed) on the same
# scenarios, in one run, with the ratios. See bench/README.md. Needs root (RUN steps, docker socket).
#
#   bench/run.sh [--quick] [--runs N] [--install-hyperfine]
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
repo=$(dirname "$here")
berth_cli="$repo/berth"

quick=0
runs=3
install_hyperfine=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --install-hyperfine) install_hyperfine=1 ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$(id -u)" -ne 0 ]; then echo "run.sh: needs root (RUN steps run containers)" >&2; exit 1; fi
if [ "$install_hyperfine" -eq 1 ] && ! command -v hyperfine >/dev/null; then
  apt-get install -y -q hyperfine >/dev/null
fi

if [ "$quick" -eq 1 ]; then
  copy_mib=64; copy_files=2000; stage_seconds=1
else
  copy_mib=1024; copy_files=20000; stage_seconds=5
fi

rootfs=$(ls -d /var/tmp/berth-test-images/busybox-static-*/rootfs.tar 2>/dev/null | head -n1 || true)
if [ -z "$rootfs" ]; then
  echo "run.sh: no busybox rootfs under /var/tmp/berth-test-images; make it with" \
       "./mvnw -B -o -pl berth-testing verify -Dit.test=DockerOracleIT" >&2
  exit 1
fi

work=$(mktemp -d /var/tmp/berth-bench.XXXXXX)
export BERTH_ROOT="$work/store"
tag="berth-bench-$$"
docker_images=()

# Docker only on a local socket or 127.0.0.1: never a remote daemon.
docker_ok=0
if command -v docker >/dev/null; then
  host=${DOCKER_HOST:-unix:///run/berth-test-docker.sock}
  case "$host" in
    unix://*|tcp://127.0.0.1:*) ;;
    *) echo "run.sh: DOCKER_HOST=$host is not local; skipping Docker" >&2; host="" ;;
  esac
  if [ -n "$host" ]; then
    export DOCKER_HOST="$host" DOCKER_CONFIG="$work/docker-config" DOCKER_BUILDKIT=0
    mkdir -p "$DOCKER_CONFIG"
    docker version >/dev/null 2>&1 && docker_ok=1
  fi
fi
buildah_ok=0
command -v buildah >/dev/null && buildah_ok=1
if [ "$buildah_ok" -eq 1 ]; then
  export BUILDAH_ROOT="$work/buildah"
  buildah_store=(--root "$BUILDAH_ROOT/storage" --runroot "$BUILDAH_ROOT/run" --storage-driver vfs)
fi

cleanup() {
  set +e
  if [ "$docker_ok" -eq 1 ]; then
    for image in "${docker_images[@]}"; do docker rmi -f "$image" >/dev/null 2>&1; done
    docker image prune -f --filter "label=berth-bench=$$" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log() { printf '>> %s\n' "$*" >&2; }

# --- scenarios --------------------------------------------------------------------------------------
prepare() {
  log "preparing scenarios in $work (copy context: ${copy_mib} MiB / ${copy_files} files)"
  "$berth_cli" --version >/dev/null   # builds the CLI and its AOT cache outside the timings
  "$berth_cli" import "$rootfs" "bench-base:$tag" >/dev/null
  if [ "$docker_ok" -eq 1 ]; then
    docker import "$rootfs" "bench-base:$tag" >/dev/null
    docker_images+=("bench-base:$tag")
  fi
  if [ "$buildah_ok" -eq 1 ]; then
    buildah "${buildah_store[@]}" from --name "bench-base-$$" scratch >/dev/null
    buildah "${buildah_store[@]}" add "bench-base-$$" "$rootfs" / >/dev/null
    buildah "${buildah_store[@]}" commit -q "bench-base-$$" "bench-base:$tag" >/dev/null
  fi

  # The seed-style "Python" image, offline: busybox stands in for python.
  mkdir -p "$work/python"
  printf 'flask==3.0.0\nrequests==2.31.0\n' > "$work/python/requirements.txt"
  for i in $(seq 1 50); do printf 'def f%d():\n    return %d\n' "$i" "$i" > "$work/python/mod$i.py"; done
  printf 'print("hello")\n' > "$work/python/app.py"
  cat > "$work/python/Dockerfile" <<EOF
FROM bench-base:$tag
LABEL berth-bench=$$
WORKDIR /app
COPY requirements.txt .
RUN mkdir -p /opt/venv && cp requirements.txt /opt/venv/installed.txt
COPY . .
CMD ["sh", "-c", "cat app.py"]
EOF

  # The big COPY: FROM scratch, many files.
  mkdir -p "$work/copy/data"
  local per=$(( copy_mib * 1024 * 1024 / copy_files )) dirs=$(( copy_files / 200 ))
  python3 - "$work/copy/data" "$copy_files" "$per" "$dirs" <<'PY'
import os, sys
root, count, size, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
block = os.urandom(1 << 20)
for i in range(count):
    d = os.path.join(root, "d%03d" % (i % dirs))
    os.makedirs(d, exist_ok=True)
    offset = (i * 7919) % (len(block) - size) if size < len(block) else 0
    with open(os.path.join(d, "f%05d" % i), "wb") as f:
        f.write(block[offset:offset + size])
PY
  printf 'FROM scratch\nLABEL berth-bench=%s\nCOPY data /data\n' "$$" > "$work/copy/Dockerfile"

  # Three independent stages, each sleeping; the last stage takes a file from each.
  mkdir -p "$work/stages"
  {
    for s in a b c; do
      printf 'FROM bench-base:%s AS %s\nLABEL berth-bench='"$$"'\nRUN sleep %s && echo %s > /%s\n' "$tag" "$s" "$stage_seconds" "$s" "$s"
    done
    printf 'FROM bench-base:%s\nLABEL berth-bench=%s\n' "$tag" "$$"
    for s in a b c; do printf 'COPY --from=%s /%s /%s\n' "$s" "$s" "$s"; done
  } > "$work/stages/Dockerfile"
}

# build TOOL DIR [--no-cache]: the command line that builds DIR with TOOL.
build_cmd() {
  local tool=$1 dir=$2 nocache=${3:-}
  case "$tool" in
    berth)   echo "$berth_cli build -q $nocache -t bench-out:$tag $dir" ;;
    docker)  echo "docker build -q --network none $nocache -t bench-out:$tag $dir" ;;
    buildah) echo "buildah ${buildah_store[*]} bud --layers -q $nocache -t bench-out:$tag $dir" ;;
  esac
}

# measure NAME PREPARE-CMD CMD: mean wall seconds over $runs runs (prints it).
measure() {
  local name=$1 prep=$2 cmd=$3
  if command -v hyperfine >/dev/null; then
    hyperfine -N --style none --runs "$runs" --prepare "$prep" --export-json "$work/$name.json" \
      "$cmd" >/dev/null
    jq -r '.results[0].mean' "$work/$name.json"
  else
    local i total=0 t
    for ((i = 0; i < runs; i++)); do
      bash -c "$prep" >/dev/null 2>&1
      t=$( { TIMEFORMAT=%R; time bash -c "$cmd" >/dev/null 2>&1; } 2>&1 )
      total=$(echo "$total + $t" | bc -l)
    done
    echo "scale=3; $total / $runs" | bc -l
  fi
}

declare -A result
run_tool() {
  local tool=$1 touch_file="$work/python/app.py"
  log "$tool: cold build"
  result[$tool,cold]=$(measure "$tool-cold" "true" "$(build_cmd "$tool" "$work/python" --no-cache)")
  log "$tool: no-op rebuild"
  eval "$(build_cmd "$tool" "$work/python")" >/dev/null 2>&1
  result[$tool,noop]=$(measure "$tool-noop" "true" "$(build_cmd "$tool" "$work/python")")
  log "$tool: one-file rebuild"
  result[$tool,onefile]=$(measure "$tool-onefile" "sh -c 'date +%s%N >> $touch_file'" \
    "$(build_cmd "$tool" "$work/python")")
  log "$tool: COPY ${copy_mib} MiB / ${copy_files} files"
  result[$tool,copy]=$(measure "$tool-copy" "true" "$(build_cmd "$tool" "$work/copy" --no-cache)")
  log "$tool: three ${stage_seconds}-second stages"
  result[$tool,stages]=$(measure "$tool-stages" "true" "$(build_cmd "$tool" "$work/stages" --no-cache)")
}

floor() {
  log "floor: tar | tee | sha256 of the copy context"
  result[floor,copy]=$(measure floor-copy "rm -f $work/layer.tar" \
    "bash -c 'cd $work/copy && tar -cf - data | tee $work/layer.tar | openssl dgst -sha256 >/dev/null'")
}

ratio() { if [ -n "${2:-}" ] && [ "${2:-}" != "-" ]; then printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; else echo "-"; fi; }

report() {
  local scen tools=(berth) b d h f
  [ "$docker_ok" -eq 1 ] && tools+=(docker)
  [ "$buildah_ok" -eq 1 ] && tools+=(buildah)
  printf '\n%-22s %9s %9s %9s %9s %13s %14s %12s\n' scenario berth docker buildah floor berth/docker berth/buildah berth/floor
  for scen in cold noop onefile copy stages; do
    b=${result[berth,$scen]}; d=${result[docker,$scen]:--}; h=${result[buildah,$scen]:--}; f=${result[floor,$scen]:--}
    printf '%-22s %9.3f %9s %9s %9s %13s %14s %12s\n' "$scen" "$b" \
      "$([ "$d" = - ] && echo - || printf '%.3f' "$d")" "$([ "$h" = - ] && echo - || printf '%.3f' "$h")" \
      "$([ "$f" = - ] && echo - || printf '%.3f' "$f")" "$(ratio "$b" "$d")" "$(ratio "$b" "$h")" "$(ratio "$b" "$f")"
  done
  printf '(mean wall seconds over %s runs; %s; copy = %s MiB / %s files; stages = 3 x %s s)\n' \
    "$runs" "$(command -v hyperfine >/dev/null && echo hyperfine || echo 'bash time')" "$copy_mib" "$copy_files" "$stage_seconds"
}

prepare
[ "$docker_ok" -eq 1 ] && docker_images+=("bench-out:$tag")
run_tool berth
[ "$docker_ok" -eq 1 ] && run_tool docker
[ "$buildah_ok" -eq 1 ] && run_tool buildah
floor
report
