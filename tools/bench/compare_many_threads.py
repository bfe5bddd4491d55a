# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
#
# Heavy-target benchmark (not a test): a target with hundreds of threads, few of them busy, sampled in blocking
# mode by each profiler in turn in one run. For each: sampling rounds achieved per second of the rate asked, the
# busy threads' speed while sampled (1.00 = unsampled), and the wall time of one dump of every thread.
# py-spy's -d counts samples (rate x duration) rather than seconds, so its rounds per second are the samples it
# was asked for over the wall time it took; pyspy4j's come from its summary line.
import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class Target(object):
    """The many-threads target, with a reader of its progress lines."""

    def __init__(self, python, threads, busy):
        self.proc = subprocess.Popen([python, os.path.join(HERE, "many_threads_target.py"), str(threads), str(busy)],
                                     stdout=subprocess.PIPE, universal_newlines=True)
        if self.proc.stdout.readline().strip() != "ready":
            raise SystemExit("the target did not start")
        self.progress = []
        self.lock = threading.Lock()
        reader = threading.Thread(target=self._read)
        reader.daemon = True
        reader.start()

    def _read(self):
        for line in self.proc.stdout:
            parts = line.split()
            if parts and parts[0] == "loops":
                with self.lock:
                    self.progress.append((float(parts[2]), int(parts[1])))

    def loops_per_second(self, start, end):
        """The busy threads' loops per second between two moments, from the progress lines inside them."""
        with self.lock:
            inside = [p for p in self.progress if start <= p[0] <= end]
        if len(inside) < 2:
            return float("nan")
        return (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0])

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def timed(command):
    start = time.time()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if result.returncode != 0:
        raise SystemExit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), result.stdout[-2000:]))
    return time.time() - start, result.stdout


def measure(name, tool, is_pyspy, target, rate, seconds, work):
    out = os.path.join(work, name + ".txt")
    command = tool + ["record", "--pid", str(target.proc.pid), "-r", str(rate), "-d", str(seconds), "--idle",
                      "-f", "raw", "-o", out]
    start = time.time()
    wall, output = timed(command)
    end = time.time()
    if is_pyspy:
        rounds_per_s = rate * seconds / wall
    else:
        found = re.search(r"\(([0-9.]+) rounds/s of", output)
        rounds_per_s = float(found.group(1)) if found else float("nan")
    speed = target.loops_per_second(start + 0.5, end - 0.5)
    dumps = sorted(timed(tool + ["dump", "--pid", str(target.proc.pid)])[0] for _ in range(3))
    return {"name": name, "rounds_per_s": rounds_per_s, "wall": wall, "speed": speed, "dump": dumps[1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--pyspy", help="py-spy's binary")
    parser.add_argument("--pyspy4j", action="append", default=[],
                        help="NAME=COMMAND of a pyspy4j to measure (repeatable), e.g. after=dist/.../bin/pyspy4j")
    parser.add_argument("--threads", type=int, default=500)
    parser.add_argument("--busy", type=int, default=4)
    parser.add_argument("--rate", type=int, action="append", default=[])
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    rates = args.rate or [100]
    tools = [(spec.split("=", 1)[0], shlex.split(spec.split("=", 1)[1]), False) for spec in args.pyspy4j]
    if args.pyspy:
        tools.append(("py-spy", [args.pyspy], True))
    target = Target(args.python, args.threads, args.busy)
    work = tempfile.mkdtemp(prefix="bench-many-threads.")
    try:
        time.sleep(2)
        start = time.time()
        time.sleep(max(5, args.seconds / 2))
        alone = target.loops_per_second(start, time.time())
        print("target: %d threads, %d busy; unsampled %.0f loops/s; %d cores, load %s" % (
            args.threads, args.busy, alone, os.cpu_count(), open("/proc/loadavg").read().split()[0]))
        print("| profiler | rate asked | rounds/s achieved | wall of a %d s record | busy threads' speed "
              "| dump of every thread |" % args.seconds)
        print("| --- | --- | --- | --- | --- | --- |")
        for rate in rates:
            for name, tool, is_pyspy in tools:
                r = measure(name, tool, is_pyspy, target, rate, args.seconds, work)
                print("| %s | %d Hz | %.1f | %.1f s | %.2f | %.2f s |" % (
                    name, rate, r["rounds_per_s"], r["wall"], r["speed"] / alone, r["dump"]))
                sys.stdout.flush()
    finally:
        target.stop()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    main()
