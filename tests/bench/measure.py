#!/usr/bin/env python3
"""Runs a command over an input and prints its throughput and peak memory.

usage: measure.py NAME INPUT -- COMMAND...   (INPUT on stdin, or '{}' in COMMAND)
       measure.py NAME --gen SOURCE MB -- COMMAND...  (SOURCE repeated to MB megabytes
                                                      through a pipe: no big file on disk)
The command's output goes through a pipe to cat(1), as in a pipeline.  It
runs TX_BENCH_RUNS times (default 3); MB/s is of the median wall time, the
CPU figure is the command's own user+sys (GNU time), peak RSS the largest.
Prints: NAME  MB  MB/s (wall)  MB/s (CPU)  peak RSS.  With TX_BENCH_RECORD
set to a file, also appends there a line: speed TAB NAME TAB MB TAB MB/s
(wall) TAB MB/s (CPU) TAB peak RSS in MB, for tests/bench/table.py.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

# GNU time reports the command's own CPU time and peak RSS, not those of
# this interpreter or of the cat that drains the pipe.
TIME = '/usr/bin/time'


def once(cmd, gen, src, target):
    """One run: (bytes in, wall seconds, cpu seconds, peak RSS in KB)."""
    rssfile = tempfile.NamedTemporaryFile(prefix='txbench', delete=False).name
    timed = [TIME, '-f', '%U %S %M', '-o', rssfile] + cmd
    if not gen:
        size = os.path.getsize(src)
        timed = [c.replace('{}', src) for c in timed]
    t0 = time.monotonic()
    stdin = subprocess.PIPE if gen else open(src, 'rb')
    p = subprocess.Popen(timed, stdin=stdin, stdout=subprocess.PIPE)
    drain = subprocess.Popen(['cat'], stdin=p.stdout, stdout=subprocess.DEVNULL)
    p.stdout.close()
    if gen:
        chunk = open(src, 'rb').read()
        while len(chunk) < 1 << 20:
            chunk += chunk
        size = 0
        while size < target:
            p.stdin.write(chunk)
            size += len(chunk)
        p.stdin.close()
    else:
        stdin.close()
    rc = p.wait()
    drain.wait()
    wall = time.monotonic() - t0
    with open(rssfile) as f:
        fields = f.read().split()
    os.unlink(rssfile)
    if rc != 0:
        return None
    return size, wall, float(fields[-3]) + float(fields[-2]), int(fields[-1])


def main():
    args = sys.argv[1:]
    sep = args.index('--')
    name, cmd = args[0], args[sep + 1:]
    gen = args[1] == '--gen'
    src = args[2] if gen else args[1]
    target = int(float(args[3]) * 1e6) if gen else 0
    runs = []
    for _ in range(int(os.environ.get('TX_BENCH_RUNS', '3'))):
        r = once(cmd, gen, src, target)
        if r is None:
            print(f"{name}: exit status not 0", file=sys.stderr)
            sys.exit(1)
        runs.append(r)
    size = runs[0][0]
    wall = statistics.median(r[1] for r in runs)
    cpu = statistics.median(r[2] for r in runs)
    rss = max(r[3] for r in runs)
    print(f"{name:<38} {size / 1e6:7.1f} MB {size / 1e6 / wall:8.1f} MB/s wall"
          f" ({size / 1e6 / cpu if cpu > 0 else float('inf'):.1f} MB/s CPU,"
          f" median of {len(runs)})  peak RSS {rss / 1024:.1f} MB", flush=True)
    record = os.environ.get('TX_BENCH_RECORD')
    if record:
        with open(record, 'a') as f:
            f.write(f"speed\t{name}\t{size / 1e6:.1f}\t{size / 1e6 / wall:.2f}\t"
                    f"{size / 1e6 / cpu if cpu > 0 else 0:.2f}\t{rss / 1024:.1f}\n")


if __name__ == '__main__':
    main()
