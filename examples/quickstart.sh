#!/usr/bin/env bash
# Berth's main job on a fresh machine: make a base image offline, build the seed-style example
# image from examples/quickstart/Dockerfile, show it, and run it. Needs root (RUN steps and containers
# run in runc) and Debian's busybox-static and runc packages, which it installs when missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
berth="$here/berth"
export BERTH_ROOT=${BERTH_ROOT:-/var/lib/berth}

need=()
for package in busybox-static runc; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! "$berth" images -q busybox:local | grep -q .; then
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
  chmod 1777 "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
  tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf - . \
    | "$berth" import -c 'CMD ["/bin/sh"]' - busybox:local
fi

"$berth" build -t hello-berth "$here/examples/quickstart"
"$berth" history hello-berth
"$berth" run --rm hello-berth
