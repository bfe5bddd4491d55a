# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
#
# Soak benchmark (not a test): records a CPU-bound target at a steady rate for a long time (an hour by default) with
# --period windows, and follows the profiler while it runs: its resident memory and its CPU time every window, and
# the stacks each window recorded (from the window's announcement line). It answers whether memory stays flat and
# whether a sample costs more after an hour than after a minute, and prints one line per window and a summary
# (also as a Markdown table). Exit codes: 0 done, 2 bad arguments, 4 the profiler or the target failed,
# 130 interrupted (the target and the profiler are stopped on any exit).
import argparse
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WINDOW = re.compile(r"Wrote raw flamegraph data to '[^']*\.(\d+)\.txt' \(([\d.]+) to ([\d.]+) s of the recording: "
                    r"(\d+) stacks\)")
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree(pid):
    """pid and every descendant (the launcher script runs the JVM as its child)."""
    found = [pid]
    for p in found:
        try:
            with open("/proc/%d/task/%d/children" % (p, p)) as f:
                found.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return found


def cpu_seconds(pids):
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / float(TICKS)


def rss_mib(pids):
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/statm" % p) as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total / 1048576.0


class Windows(object):
    """The window announcements the profiler prints on stderr, read as they come."""

    def __init__(self, stream):
        self.stacks = {}
        self.lines = []
        self.lock = threading.Lock()
        reader = threading.Thread(target=self._read, args=(stream,))
        reader.daemon = True
        reader.start()

    def _read(self, stream):
        for line in stream:
            with self.lock:
                self.lines.append(line.rstrip("\n"))
                match = WINDOW.search(line)
                if match:
                    self.stacks[int(match.group(1))] = int(match.group(4))

    def of(self, number):
        with self.lock:
            return self.stacks.get(number)


def summarize(rows, rate, tenth):
    steady = [r for r in rows if r["window"] > tenth] or rows
    rss = [r["rss"] for r in steady]
    costs = [r["cpu_us"] for r in steady if r["cpu_us"] is not None]
    third = max(1, len(costs) // 3)
    first, last = statistics.median(costs[:third]), statistics.median(costs[-third:])
    rates = [r["stacks"] / r["seconds"] for r in rows if r["stacks"] is not None]
    return [
        ("windows", "%d" % len(rows)),
        ("RSS after the first tenth: first / last / max", "%.0f / %.0f / %.0f MiB" % (rss[0], rss[-1], max(rss))),
        ("RSS growth after the first tenth", "%+.1f%%" % (100.0 * (rss[-1] - rss[0]) / rss[0])),
        ("CPU per sample after the first tenth: median of its first third / of its last third", "%.0f / %.0f µs" % (first, last)),
        ("CPU per sample, last third over first third", "%.2f" % (last / first)),
        ("samples/s per window: min / median (of %d asked)" % rate,
         "%.1f / %.1f" % (min(rates), statistics.median(rates))),
    ]


def main():
    parser = argparse.ArgumentParser(prog="bench-soak", description=__doc__)
    parser.add_argument("--pyspy4j", default=os.path.join(ROOT, "pyspy4j"), help="pyspy4j's launcher (a command)")
    parser.add_argument("--python", default=sys.executable, help="the target's Python")
    parser.add_argument("--minutes", type=float, default=60, help="how long to record")
    parser.add_argument("--window", type=int, default=60, help="seconds per window (--period)")
    parser.add_argument("--rate", type=int, default=100, help="samples per second asked")
    args = parser.parse_args()
    if args.minutes <= 0 or args.window <= 0 or args.rate <= 0:
        parser.error("--minutes, --window and --rate must be positive")
    seconds = int(round(args.minutes * 60))
    work = tempfile.mkdtemp(prefix="pyspy4j-soak-")
    target = subprocess.Popen([args.python, os.path.join(HERE, "busy_target.py"), "40"], stdout=subprocess.DEVNULL)
    profiler = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    try:
        time.sleep(1)
        command = shlex.split(args.pyspy4j) + ["record", "-p", str(target.pid), "-r", str(args.rate), "-d",
                                               str(seconds), "-f", "raw", "-o", os.path.join(work, "soak.txt"),
                                               "--period", str(args.window)]
        profiler = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                    universal_newlines=True)
        windows = Windows(profiler.stderr)
        print("bench-soak, %s UTC: %s, rate %d, %d s in %d s windows, target %s; load average %s" % (
            time.strftime("%Y-%m-%d %H:%M", time.gmtime()), " ".join(command[:1]), args.rate, seconds, args.window,
            args.python, " ".join(open("/proc/loadavg").read().split()[:3])))
        print("%6s %9s %9s %8s %12s" % ("window", "RSS MiB", "CPU s", "stacks", "CPU/sample"))
        rows = []
        last_cpu = cpu_seconds(tree(profiler.pid))
        start = time.time()
        number = 0
        while profiler.poll() is None:
            number += 1
            time.sleep(max(0.0, start + number * args.window - time.time()))
            pids = tree(profiler.pid)
            cpu, rss = cpu_seconds(pids), rss_mib(pids)
            if profiler.poll() is not None:
                break
            deadline = time.time() + 10
            while windows.of(number) is None and time.time() < deadline:
                time.sleep(0.2)
            stacks = windows.of(number)
            cost = (cpu - last_cpu) / stacks * 1e6 if stacks else None
            rows.append({"window": number, "rss": rss, "cpu": cpu - last_cpu, "stacks": stacks,
                         "seconds": float(args.window), "cpu_us": cost})
            print("%6d %9.1f %9.2f %8s %12s" % (number, rss, cpu - last_cpu, stacks if stacks is not None else "?",
                                                "%.0f µs" % cost if cost is not None else "?"))
            sys.stdout.flush()
            last_cpu = cpu
        if profiler.wait() != 0 or len(rows) < 3:
            print("\n".join(windows.lines[-5:]), file=sys.stderr)
            print("bench-soak: the profiler failed or ran too short", file=sys.stderr)
            return 4
        print("\n| measure | pyspy4j |\n| --- | --- |")
        for name, value in summarize(rows, args.rate, max(1, len(rows) // 10)):
            print("| %s | %s |" % (name, value))
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        for process in (profiler, target):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()


if __name__ == "__main__":
    sys.exit(main())
