# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""Runs pyspy4j and py-spy side by side on the same CPU-bound target and prints, for both and as a ratio:
the target's throughput while sampled at 100 Hz and 1000 Hz relative to unsampled, the profiler's CPU time
per sample, the samples per second achieved when 5000 Hz is asked, and the profiler's peak RSS.

usage: python3 compare_with_pyspy.py --pyspy4j JAR --pyspy PY_SPY_BINARY --python PYTHON [--seconds N]
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class Target(object):
    """A busy target (a script here that reports its loop iterations), with a thread collecting its reports."""

    def __init__(self, python, script="busy_target.py"):
        self.proc = subprocess.Popen([python, os.path.join(HERE, script), "40"],
                                     stdout=subprocess.PIPE, universal_newlines=True)
        assert self.proc.stdout.readline().strip() == "ready"
        self.reports = []
        self.lock = threading.Lock()
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.proc.stdout:
            stamp, count = line.split()
            with self.lock:
                self.reports.append((float(stamp), int(count)))

    def throughput(self, start, end):
        """Mean loop iterations per second reported between two wall-clock instants."""
        with self.lock:
            window = [count for stamp, count in self.reports if start <= stamp <= end]
        return sum(window) / (0.5 * len(window)) if window else float("nan")

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def run_profiler(command, seconds):
    """Runs a profiler to completion; returns (wall seconds, CPU seconds, peak RSS MiB, start, end)."""
    start = time.time()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, universal_newlines=True)
    _, status, usage = os.wait4(proc.pid, 0)
    end = time.time()
    if status != 0:
        sys.exit("profiler failed (%s): %s" % (" ".join(command), proc.stderr.read()))
    return end - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, start, end


def count_samples(raw_file):
    total = 0
    with open(raw_file) as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line:
                total += int(line.rsplit(" ", 1)[1])
    return total


def measure(name, command_for, target, rate, seconds):
    out = tempfile.mktemp(suffix=".txt")
    wall, cpu, rss, start, end = run_profiler(command_for(rate, seconds, out), seconds)
    samples = count_samples(out)
    os.remove(out)
    # Leave out the first second: both tools need a moment to attach (and the JVM to start).
    sampled = target.throughput(start + 1.5, end - 0.5)
    return {"samples": samples, "cpu": cpu, "rss": rss, "wall": wall, "speed": sampled, "name": name}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pyspy4j", required=True, help="pyspy4j's launcher or 'java -jar ...' command")
    parser.add_argument("--pyspy", required=True, help="the py-spy binary")
    parser.add_argument("--python", required=True)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()

    tools = {
        "pyspy4j": lambda rate, secs, out: args.pyspy4j.split() + [
            "record", "-f", "raw", "-r", str(rate), "-d", str(secs), "-o", out, "--pid", str(target.proc.pid)],
        "py-spy": lambda rate, secs, out: [args.pyspy, "record", "-f", "raw", "-r", str(rate), "-d", str(secs),
                                           "-o", out, "--pid", str(target.proc.pid)],
    }
    target = Target(args.python)
    try:
        time.sleep(3)
        now = time.time()
        time.sleep(args.seconds)
        alone = target.throughput(now, time.time())
        results = {}
        for rate in (100, 1000, 5000):
            for name, command_for in tools.items():
                results[(name, rate)] = measure(name, command_for, target, rate, args.seconds)
                time.sleep(1)
        report(results, alone, args.seconds)
    finally:
        target.stop()


def report(results, alone, seconds):
    def row(label, fmt, value_of):
        a, b = value_of("pyspy4j"), value_of("py-spy")
        ratio = a / b if b else float("nan")
        print("| %s | %s | %s | %.2f |" % (label, fmt % a, fmt % b, ratio))

    print("| measure | pyspy4j | py-spy | pyspy4j / py-spy |")
    print("| --- | --- | --- | --- |")
    for rate in (100, 1000):
        row("target speed sampled at %d Hz (1.00 = unsampled)" % rate, "%.2f",
            lambda name: results[(name, rate)]["speed"] / alone)
    for rate in (100, 1000):
        row("profiler CPU per sample at %d Hz (ms)" % rate, "%.3f",
            lambda name: 1000.0 * results[(name, rate)]["cpu"] / max(1, results[(name, rate)]["samples"]))
    # Per wall-clock second of the whole run: py-spy's -d counts samples (rate x duration), not seconds, so a
    # py-spy that falls behind runs longer than asked instead of recording fewer samples.
    row("samples/s achieved when 5000 Hz is asked", "%.0f",
        lambda name: results[(name, 5000)]["samples"] / results[(name, 5000)]["wall"])
    row("wall seconds of that run (%d s asked)" % seconds, "%.1f", lambda name: results[(name, 5000)]["wall"])
    row("peak RSS (MiB)", "%.0f", lambda name: max(r["rss"] for (n, _), r in results.items() if n == name))


if __name__ == "__main__":
    main()
