#!/usr/bin/env python3
"""Runs a command over an input and prints its throughput and peak memory.

usage: measure.py NAME INPUT MB -- COMMAND...   (INPUT on stdin, or '{}' in COMMAND)
       measure.py NAME --gen SOURCE MB -- COMMAND...  (SOURCE repeated to MB megabytes
                                                      through a pipe: no big file on disk)
Prints: NAME  MB/s  peak RSS.  CPU time is user+sys of the command alone.
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

# GNU time reports the peak RSS of the command itself; Python's own
# getrusage(RUSAGE_CHILDREN) would count the forked interpreter too.
TIME = '/usr/bin/time'


def main():
    args = sys.argv[1:]
    sep = args.index('--')
    name, cmd = args[0], args[sep + 1:]
    gen = args[1] == '--gen'
    src = args[2] if gen else args[1]
    rssfile = tempfile.NamedTemporaryFile(prefix='txbench', delete=False).name
    cmd = [TIME, '-f', '%M', '-o', rssfile] + cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    if gen:
        target = int(float(args[3]) * 1e6)
        chunk = open(src, 'rb').read()
        while len(chunk) < 1 << 20:
            chunk += chunk
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        sent = 0
        while sent < target:
            p.stdin.write(chunk)
            sent += len(chunk)
        p.stdin.close()
        rc = p.wait()
        size = sent
    else:
        size = os.path.getsize(src)
        cmd = [c.replace('{}', src) for c in cmd]
        with open(src, 'rb') as f:
            rc = subprocess.call(cmd, stdin=f, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if rc != 0:
        print(f"{name}: exit status {rc}", file=sys.stderr)
        sys.exit(1)
    with open(rssfile) as f:
        rss_kb = int(f.read().split()[-1])
    os.unlink(rssfile)
    mbs = size / 1e6 / cpu if cpu > 0 else float('inf')
    print(f"{name:<38} {size / 1e6:7.1f} MB {mbs:8.1f} MB/s (cpu {cpu:.2f}s, wall {wall:.2f}s)"
          f"  peak RSS {rss_kb / 1024:.1f} MB")
    return mbs


if __name__ == '__main__':
    main()
