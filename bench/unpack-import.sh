#!/bin/bash
# final.sh ROUNDS: before (main, 6444c44) and after (branch unpack) `berth import` of the bookworm minbase tar,
# and `tar -x` of it, into tmpfs (/dev/shm) and disk (/var/tmp, ext4), alternated round by round.
T=${UNPACK_TAR:-/tmp/unpack-bench/bookworm.tar}
B=${BEFORE_BERTH:-/tmp/unpack-bench/before/berth}
A=${AFTER_BERTH:-$(cd "$(dirname "$0")/.." && pwd)/berth}
export BERTH_NO_REBUILD=1
PREPARE="rm -rf /dev/shm/ub-b /dev/shm/ub-a /dev/shm/ub-x /var/tmp/ub-b /var/tmp/ub-a /var/tmp/ub-x && mkdir -p /dev/shm/ub-x /var/tmp/ub-x && sync" \
python3 "$(dirname "$0")/alternate.py" ${1:-5} \
  "BERTH_ROOT=/dev/shm/ub-b $B import $T deb" \
  "BERTH_ROOT=/dev/shm/ub-a $A import $T deb" \
  "tar -xf $T -C /dev/shm/ub-x" \
  "BERTH_ROOT=/var/tmp/ub-b $B import $T deb" \
  "BERTH_ROOT=/var/tmp/ub-a $A import $T deb" \
  "tar -xf $T -C /var/tmp/ub-x"
