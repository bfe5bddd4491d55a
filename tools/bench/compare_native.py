# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""Runs pyspy4j and py-spy side by side with --native on the same mixed Python/C target (mixed_target.py: 40
Python frames, every other call through a C extension) and prints, for both and as a ratio: the target's speed
while sampled at 100 Hz and 1000 Hz relative to unsampled, the profiler's CPU time per sample (also without
start-up costs: the CPU of the 1000 Hz run's extra samples), and the samples it recorded. Either tool may be left
out (--pyspy4j or --pyspy empty): its column then says n/a.

usage: python3 compare_native.py --pyspy4j LAUNCHER --pyspy PY_SPY_BINARY --python PYTHON [--seconds N]
                                 [--unwinder ID]   (pyspy4j's --unwinder; its default otherwise)
"""
import argparse
import os
import sys
import tempfile
import time

from compare_with_pyspy import Target, count_samples, run_profiler

RATES = (100, 1000)


def record_command(tool, extra, rate, seconds, out, pid):
    """The tool's command line: record raw (collapsed) stacks with native frames from one process."""
    return tool.split() + ["record", "--native"] + extra + ["-f", "raw", "-r", str(rate), "-d", str(seconds),
                                                            "-o", out, "--pid", str(pid)]


def measure(tool, extra, target, rate, seconds):
    handle, out = tempfile.mkstemp(suffix=".txt")
    os.close(handle)
    try:
        command = record_command(tool, extra, rate, seconds, out, target.proc.pid)
        wall, cpu, rss, start, end = run_profiler(command, seconds)
        samples = count_samples(out)
    finally:
        os.remove(out)
    # Leave out the first 1.5 s: both tools need a moment to attach (and the JVM to start).
    return {"samples": samples, "cpu": cpu, "wall": wall, "speed": target.throughput(start + 1.5, end - 0.5)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pyspy4j", default="", help="pyspy4j's launcher; empty to leave pyspy4j out")
    parser.add_argument("--pyspy", default="", help="the py-spy binary; empty to leave py-spy out")
    parser.add_argument("--python", required=True)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--unwinder", help="pyspy4j's native unwinder (dwarf, framepointer, libunwind)")
    args = parser.parse_args()
    pyspy4j_extra = ["--unwinder", args.unwinder] if args.unwinder else []
    tools = [(name, command, extra) for name, command, extra in
             (("pyspy4j", args.pyspy4j, pyspy4j_extra), ("py-spy", args.pyspy, [])) if command]
    if not tools:
        sys.exit("compare_native.py: neither --pyspy4j nor --pyspy given")

    target = Target(args.python, "mixed_target.py")
    try:
        time.sleep(3)
        now = time.time()
        time.sleep(args.seconds)
        alone = target.throughput(now, time.time())
        results = {}
        for rate in RATES:
            for name, command, extra in tools:
                results[(name, rate)] = measure(command, extra, target, rate, args.seconds)
                time.sleep(1)
        report(results, alone)
    finally:
        target.stop()


def report(results, alone):
    def cell(fmt, name, rate, value_of):
        result = results.get((name, rate))
        return fmt % value_of(result) if result else "n/a"

    def row(label, fmt, rate, value_of):
        both = [results.get((name, rate)) for name in ("pyspy4j", "py-spy")]
        ratio = "%.2f" % (value_of(both[0]) / value_of(both[1])) if all(both) and value_of(both[1]) else "n/a"
        print("| %s | %s | %s | %s |" % (label, cell(fmt, "pyspy4j", rate, value_of),
                                         cell(fmt, "py-spy", rate, value_of), ratio))

    print("| measure (--native) | pyspy4j | py-spy | pyspy4j / py-spy |")
    print("| --- | --- | --- | --- |")
    for rate in RATES:
        row("target speed sampled at %d Hz (1.00 = unsampled)" % rate, "%.2f", rate,
            lambda result: result["speed"] / alone)
    for rate in RATES:
        row("profiler CPU per sample at %d Hz (ms)" % rate, "%.3f", rate,
            lambda result: 1000.0 * result["cpu"] / max(1, result["samples"]))
    # A JVM's start-up CPU is part of each pyspy4j run and dominates at 100 Hz; the CPU the extra samples of the
    # 1000 Hz run cost over the 100 Hz run leaves it out.
    marginal = {}
    for name in ("pyspy4j", "py-spy"):
        low, high = results.get((name, RATES[0])), results.get((name, RATES[1]))
        if low and high and high["samples"] > low["samples"]:
            marginal[(name, 0)] = {"ms": 1000.0 * (high["cpu"] - low["cpu"]) / (high["samples"] - low["samples"])}
    results.update(marginal)
    row("profiler CPU per extra sample, %d Hz over %d Hz (ms)" % (RATES[1], RATES[0]), "%.3f", 0,
        lambda result: result["ms"])
    for rate in RATES:
        row("samples recorded at %d Hz" % rate, "%d", rate, lambda result: result["samples"])
        row("wall seconds of that run", "%.1f", rate, lambda result: result["wall"])


if __name__ == "__main__":
    main()
