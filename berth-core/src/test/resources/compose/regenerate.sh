#!/bin/bash
# Regenerates golden/NAME/ for every fixtures/NAME/ project with the real Docker Compose 2.26.1 (Debian trixie's
# docker-compose, unpacked by .ci/run into /var/tmp/compose-oracle): the outputs ComposeConfigGoldenTest holds
# Berth to. Each project is copied to /tmp/berth-compose-fixtures/NAME (so its name is NAME, and paths, which
# the config hash covers, are the same in the test), run with only PATH, HOME=/home/fixture and
# golden/NAME/env set, from golden/NAME/cwd (default: the project), with golden/NAME/args before `config` and
# golden/NAME/config-args after it;
# the lists (`--services`, `--volumes`, `--profiles`, `--images`) are sorted: Compose prints some in Go's random map order.
# Usage: regenerate.sh [NAME...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
oracle=${COMPOSE_ORACLE:-/var/tmp/compose-oracle/usr/bin/docker-compose}
[ -x "$oracle" ] || { echo "no $oracle: see .ci/run" >&2; exit 1; }
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(ls "$here/fixtures"))
for name in "${names[@]}"; do
    golden=$here/golden/$name
    mkdir -p "$golden"
    tmp=/tmp/berth-compose-fixtures
    rm -rf "${tmp:?}/$name"
    mkdir -p "$tmp"
    cp -a "$here/fixtures/$name" "$tmp/$name"
    cwd=$tmp/$name
    [ -f "$golden/cwd" ] && cwd=$tmp/$name/$(cat "$golden/cwd")
    args=()
    [ -f "$golden/args" ] && read -r -a args < "$golden/args"
    envs=()
    [ -f "$golden/env" ] && mapfile -t envs < "$golden/env"
    rm -f "$golden"/*.out "$golden"/*.err "$golden/error.txt"
    for view in yaml json hash services volumes profiles images; do
        case $view in
            yaml) flags=() ;;
            json) flags=(--format json) ;;
            hash) flags=(--hash '*') ;;
            *) flags=(--$view) ;;
        esac
        cargs=()
        [ -f "$golden/config-args" ] && read -r -a cargs < "$golden/config-args"
        (cd "$cwd" && env -i PATH=/usr/bin:/bin HOME=/home/fixture "${envs[@]}" "$oracle" "${args[@]}" config "${cargs[@]}" \
            "${flags[@]}" >"$golden/$view.out" 2>"$golden/$view.err")
        code=$?
        case $view in images|services|volumes|profiles) sort -o "$golden/$view.out" "$golden/$view.out" ;; esac
        if [ $code -ne 0 ]; then
            mv "$golden/$view.err" "$golden/error.txt"
            rm -f "$golden"/*.out "$golden"/*.err
            break
        fi
        rm -f "$golden/$view.err"
    done
    rm -rf "${tmp:?}/$name"
    echo "$name: $(ls "$golden" | tr '\n' ' ')"
done
