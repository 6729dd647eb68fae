#!/usr/bin/env python3
"""CPU time (user + system, ms, from getrusage: microsecond resolution, which /usr/bin/time's
10 ms does not give) of RUNS runs of a command; prints one `STARTUP ms=...` line per run.

    startup_cpu.py RUNS COMMAND...
"""
import resource
import subprocess
import sys


def main():
    runs, cmd = int(sys.argv[1]), sys.argv[2:]
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        ms = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
        print(f"STARTUP ms={ms:.2f}")


if __name__ == "__main__":
    main()
