#!/usr/bin/env python3
"""tree-rss.py OUT COMMAND...: runs COMMAND and writes to OUT the peak, in KiB, of the summed resident
memory of COMMAND and every process it started, sampled every 20 ms from outside it (its own CPU time
is not COMMAND's). /usr/bin/time's %M is the largest single process, which undercounts a run that keeps
a second process (wisex's V8 backend runs init in a Node.js process beside the JVM). Exits as COMMAND."""
import os
import subprocess
import sys
import time


def descendants(root):
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    out, command = sys.argv[1], sys.argv[2:]
    child = subprocess.Popen(command)
    peak = 0
    while child.poll() is None:
        peak = max(peak, sum(rss_kib(p) for p in descendants(child.pid)))
        time.sleep(0.02)
    with open(out, "w") as f:
        f.write(f"{peak}\n")
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
