#!/usr/bin/env python3
"""alternate.py ROUNDS CMD...: runs the shell commands in turn, ROUNDS rounds after one warm-up run each,
so that load from other work on the machine falls on all of them alike; prints per command the median
and minimum wall time and the median CPU time (user + system of the command and its children).
PREPARE, if set in the environment, is a shell command run before every run (not timed)."""
import os, subprocess, sys, time, resource, statistics, shlex
rounds = int(sys.argv[1]); cmds = sys.argv[2:]
prep = os.environ.get("PREPARE")
res = {c: ([], []) for c in cmds}
def one(c):
    if prep: subprocess.run(prep, shell=True, check=True)
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0: print("FAILED", c, p.stderr.decode()[-500:], file=sys.stderr); sys.exit(1)
    return t, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
for c in cmds: one(c)
for i in range(rounds):
    for c in cmds:
        t, cpu = one(c); res[c][0].append(t); res[c][1].append(cpu)
for c in cmds:
    w, cpu = res[c]
    print(f"median {statistics.median(w)*1000:7.0f} ms  min {min(w)*1000:6.0f} ms  cpu {statistics.median(cpu)*1000:6.0f} ms  {c[:150]}")
