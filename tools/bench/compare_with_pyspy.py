# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""Runs pyspy4j and py-spy side by side and prints, for both, the pyspy4j / py-spy ratio and pyspy4j's target:
dump wall time and peak RSS of a sleeping target; fixed CPU of a record run and marginal CPU per sample; CPU per
sample at 1000 Hz start-up included; peak RSS while recording at 1000 Hz (and whether it stays flat); the speed a
CPU-bound target keeps while sampled at 100 and 1000 Hz; samples per second achieved when 10000 Hz is asked
(blocking) and 20000 Hz with --nonblocking, on a 40-frame stack. A benchmark, not a test.

usage: python3 compare_with_pyspy.py [--pyspy4j CMD] [--pyspy PY_SPY] [--python PYTHON] [--reps N] [--quick]
       [--long] [--self-test] (see --help for the durations)

How each figure is computed (each per repetition, then the median over the repetitions):
- fixed and marginal CPU: `record -r 1000` for a short and a long duration; marginal = (CPU_long - CPU_short) /
  (samples_long - samples_short), fixed = CPU_short - marginal * samples_short. CPU is user + system time of the
  profiler's process tree (os.wait4), samples are what the tool's own summary line reports.
- target speed: loop iterations per second the target reports while sampled (from the moment the profiler says it
  samples, leaving half a second out at both ends) over the mean of those in unsampled windows just before and just
  after (each half the run's duration).
- achieved samples/s: two runs stopped with Control-C (SIGINT) a short and a long time after they start sampling;
  (samples_long - samples_short) / (time_long - time_short), each time from its "Sampling process" line to its
  exit, so that attaching and writing the output cancel out.
- peak RSS: GNU time's %M (/usr/bin/time) of each run; the RSS trace of a long record sums VmRSS of the profiler's
  process tree.

Exit codes: 0 done, 2 bad arguments, 3 py-spy could not be obtained, 4 a profiler or target failed, 130 interrupted.
"""
import argparse
import datetime
import glob
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXIT_NO_PYSPY = 3
EXIT_TOOL_FAILED = 4
EXIT_INTERRUPTED = 130
TOOLS = ("pyspy4j", "py-spy")
NAN = float("nan")


class BenchError(Exception):
    """A failure the user sees as one line, with the exit code that says what failed."""

    def __init__(self, message, code=EXIT_TOOL_FAILED):
        Exception.__init__(self, message)
        self.code = code


def progress(message):
    sys.stderr.write("bench-vs-pyspy: %s\n" % message)
    sys.stderr.flush()


# ---------------------------------------------------------------------------------------------------------------
# Pure computations (covered by --self-test)

def median(values):
    values = [v for v in values if v == v]
    return statistics.median(values) if values else NAN


def marginal_and_fixed(cpu_short, samples_short, cpu_long, samples_long):
    """CPU seconds per extra sample and CPU seconds of a run with no sample, from a short and a long run."""
    if samples_long <= samples_short:
        return NAN, NAN
    marginal = (cpu_long - cpu_short) / float(samples_long - samples_short)
    return marginal, cpu_short - marginal * samples_short


def achieved_rate(samples_short, wall_short, samples_long, wall_long):
    """Samples per wall-clock second between a short and a long run; start-up and shut-down cancel out."""
    if wall_long <= wall_short:
        return NAN
    return (samples_long - samples_short) / (wall_long - wall_short)


SUMMARY_PYSPY4J = re.compile(r"Samples: (\d+) stacks in (\d+) rounds")
SUMMARY_PYSPY = re.compile(r"Samples: (\d+) Errors: (\d+)")


def samples_from_summary(output):
    """The number of sampling instants a tool reports in its summary line: pyspy4j's rounds (a round samples every
    thread once, as one py-spy sample does), py-spy's samples; None when there is no summary line."""
    found = SUMMARY_PYSPY4J.findall(output)
    if found:
        return int(found[-1][1])
    found = SUMMARY_PYSPY.findall(output)
    if found:
        return int(found[-1][0])
    return None


def samples_from_raw(raw_text):
    """The number of stacks in collapsed (raw) output: the sum of each line's trailing count."""
    total = 0
    for line in raw_text.splitlines():
        line = line.strip()
        if line:
            total += int(line.rsplit(" ", 1)[1])
    return total


def at_most(value, limit):
    if value != value or limit != limit:
        return "n/a"
    return "yes" if value <= limit else "no: %.2f× the target" % (value / limit)


def at_least(value, limit):
    if value != value or limit != limit:
        return "n/a"
    return "yes" if value >= limit else "no: %.0f%% of the target" % (100.0 * value / limit)


def ratio(a, b):
    # A negative figure (a fixed CPU computed from noisy runs) is noise around zero: no ratio is meaningful.
    if a != a or b != b or b <= 0 or a < 0:
        return NAN
    return a / b


def growth(trace):
    """How much an RSS trace grew after its first tenth (start-up allocates; a leak keeps growing), as a
    fraction of the RSS then."""
    if len(trace) < 2:
        return NAN
    settled = trace[max(1, len(trace) // 10) - 1][1] if len(trace) >= 10 else trace[0][1]
    return (trace[-1][1] - settled) / settled if settled else NAN


def fmt(value, pattern):
    return "n/a" if value != value else pattern % value


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(header, rows):
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda row: "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
    return "\n".join([line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows])


# ---------------------------------------------------------------------------------------------------------------
# Processes: every one started here is registered and killed on any exit

class Processes(object):
    def __init__(self):
        self.live = {}  # pid -> (Popen, is a profiler)

    def start(self, command, profiler, **kwargs):
        # Its own session: a terminal's Control-C reaches this script only, which then stops everything in order.
        proc = subprocess.Popen(command, start_new_session=True, **kwargs)
        self.live[proc.pid] = (proc, profiler)
        return proc

    def reaped(self, proc, status):
        proc.returncode = status
        self.live.pop(proc.pid, None)

    def kill(self, proc):
        signal_group(proc, signal.SIGKILL)
        proc.wait()
        self.live.pop(proc.pid, None)

    def kill_all(self):
        # Profilers first, with SIGINT so that they release the target (detach) before it is killed.
        profilers = [p for p, is_profiler in self.live.values() if is_profiler]
        for proc in profilers:
            signal_group(proc, signal.SIGINT)
        deadline = time.time() + 3
        for proc in profilers:
            try:
                proc.wait(max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                pass
        for proc, _ in list(self.live.values()):
            signal_group(proc, signal.SIGKILL)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.live.clear()


def signal_group(proc, signum):
    try:
        os.killpg(proc.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


PROCESSES = Processes()


class BusyTarget(object):
    """The CPU-bound target: a 40-frame stack spinning and reporting its loop iterations every half second."""

    def __init__(self, python, depth=40):
        self.proc = PROCESSES.start([python, os.path.join(HERE, "busy_target.py"), str(depth)], False,
                                    stdout=subprocess.PIPE, universal_newlines=True)
        if self.proc.stdout.readline().strip() != "ready":
            raise BenchError("the target %s did not start" % python)
        self.pid = self.proc.pid
        self.reports = []
        self.lock = threading.Lock()
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.proc.stdout:
            stamp, count = line.split()
            with self.lock:
                self.reports.append((float(stamp), int(count)))

    def throughput(self, start, end):
        """Mean loop iterations per second over the reports made between two wall-clock instants."""
        with self.lock:
            window = [(stamp, count) for stamp, count in self.reports if start <= stamp <= end]
        if len(window) < 2:
            return NAN
        # Each report counts the iterations since the one before it.
        return sum(count for _, count in window[1:]) / (window[-1][0] - window[0][0])

    def alone(self, seconds):
        start = time.time()
        time.sleep(seconds)
        return self.throughput(start, time.time())


class SleepingTarget(object):
    def __init__(self, python):
        code = ("import sys, time\ndef wait():\n    time.sleep(86400)\n"
                "sys.stdout.write('ready\\n'); sys.stdout.flush(); wait()\n")
        self.proc = PROCESSES.start([python, "-c", code], False, stdout=subprocess.PIPE, universal_newlines=True)
        if self.proc.stdout.readline().strip() != "ready":
            raise BenchError("the target %s did not start" % python)
        self.pid = self.proc.pid


def tree_rss_kib(pid, include_root=True):
    """VmRSS of a process and its descendants (a launcher may run the profiler as its child), in KiB; without the
    process itself when that is only the RSS meter."""
    parents = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(stat.split("/")[2])] = int(fields[1])
        except (OSError, IndexError, ValueError):
            pass
    tree, added = {pid}, True
    while added:
        added = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                added = True
    total = 0
    if not include_root:
        tree.discard(pid)
    for member in tree:
        try:
            with open("/proc/%d/status" % member) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


class Run(object):
    """One finished profiler run."""

    def __init__(self, **fields):
        self.__dict__.update(fields)


def rss_meter():
    """GNU time, when installed: a child's own peak RSS. os.wait4's ru_maxrss also counts the memory of the process
    that forked it (this script's Python, some 14-19 MiB) as it was when it exec'd, which is more than py-spy's own."""
    time_command = "/usr/bin/time"
    try:
        ok = subprocess.run([time_command, "-f", "%M", "true"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return time_command if ok else None


RSS_METER = None


def run_tool(command, stop_after=None, rss_every=None, expect=None):
    """Runs a profiler to its end, or sends it SIGINT stop_after seconds after it says it samples; returns a Run
    with wall and CPU seconds, peak RSS (MiB), when it said it started sampling, its output (both streams) and an
    RSS trace."""
    rss_file = None
    if RSS_METER:
        handle, rss_file = tempfile.mkstemp(prefix="bench-vs-pyspy-rss-")
        os.close(handle)
        command_run = [RSS_METER, "-f", "%M", "-o", rss_file] + command
    else:
        command_run = command
    start = time.time()
    # One stream: py-spy writes its messages (the summary too) on standard output, pyspy4j on standard error.
    proc = PROCESSES.start(command_run, True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
    lines, sampling_since, trace = [], [None], []
    sampling = threading.Event()

    def read_output():
        for line in proc.stdout:
            if sampling_since[0] is None and "Sampling process" in line:
                sampling_since[0] = time.time()
                sampling.set()
            lines.append(line)

    def stop():
        # Counted from when it samples: a JVM that starts slowly on a busy machine would otherwise be interrupted
        # before its first sample.
        sampling.wait(120)
        if not done.wait(stop_after):
            signal_group(proc, signal.SIGINT)

    readers = [threading.Thread(target=read_output, daemon=True)]
    done = threading.Event()
    if stop_after is not None:
        readers.append(threading.Thread(target=stop, daemon=True))
    if rss_every:
        def poll():
            while not done.wait(rss_every):
                trace.append((time.time() - start, tree_rss_kib(proc.pid, include_root=not rss_file) / 1024.0))
        readers.append(threading.Thread(target=poll, daemon=True))
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    end = time.time()
    done.set()
    PROCESSES.reaped(proc, status)
    readers[0].join(10)
    output = "".join(lines)
    peak_rss = usage.ru_maxrss / 1024.0
    if rss_file:
        with open(rss_file) as f:
            reported = f.read().split()
        os.remove(rss_file)
        peak_rss = int(reported[-1]) / 1024.0 if reported and reported[-1].isdigit() else NAN
    if status != 0:
        last = [l for l in output.splitlines() if l.strip()][-1:] or ["no message"]
        raise BenchError("%s failed (wait status %d): %s" % (" ".join(command[:3]), status, last[0]))
    if expect and expect not in output:
        raise BenchError("%s printed no %r" % (" ".join(command[:3]), expect))
    return Run(wall=end - start, cpu=usage.ru_utime + usage.ru_stime, rss=peak_rss, start=start,
               end=end, sampling_since=sampling_since[0], output=output, trace=trace)


# ---------------------------------------------------------------------------------------------------------------
# The measurements

class Bench(object):
    def __init__(self, args, pyspy):
        self.args = args
        self.commands = {"pyspy4j": args.pyspy4j.split(), "py-spy": [pyspy]}
        self.raw = tempfile.mkdtemp(prefix="bench-vs-pyspy-")

    def record(self, tool, pid, rate, seconds=None, nonblocking=False, **run_args):
        out = os.path.join(self.raw, "%s.txt" % tool)
        command = self.commands[tool] + ["record", "-f", "raw", "-r", str(rate), "-o", out, "--pid", str(pid)]
        if seconds is not None:
            command += ["-d", str(seconds)]
        if nonblocking:
            command.append("--nonblocking")
        run = run_tool(command, **run_args)
        run.samples = samples_from_summary(run.output)
        if run.samples is None:
            if not os.path.exists(out):
                raise BenchError("%s record wrote no summary line and no %s" % (tool, out))
            with open(out) as raw:
                run.samples = samples_from_raw(raw.read())
        if os.path.exists(out):
            os.remove(out)
        return run

    def dump(self, results):
        target = SleepingTarget(self.args.python)
        time.sleep(1)
        runs = {tool: [] for tool in TOOLS}
        for i in range(self.args.dump_runs):
            for tool in (TOOLS if i % 2 == 0 else TOOLS[::-1]):
                runs[tool].append(run_tool(self.commands[tool] + ["dump", "--pid", str(target.pid)],
                                           expect="Thread"))
        PROCESSES.kill(target.proc)
        for tool in TOOLS:
            results[tool]["dump_wall"] = [r.wall for r in runs[tool]]
            results[tool]["dump_rss"] = [r.rss for r in runs[tool]]
        progress("dump wall medians: " + ", ".join(
            "%s %.3f s" % (tool, median(results[tool]["dump_wall"])) for tool in TOOLS))

    def alone(self, target, run):
        """The target's unsampled speed around a run: the mean of windows just before it and just after it (others'
        work on a shared machine changes the speed within minutes)."""
        after = target.alone(self.args.long_seconds / 2.0)
        before = target.throughput(run.start - self.args.long_seconds / 2.0 + 0.3, run.start - 0.1)
        return statistics.mean([before, after]) if before == before else after

    def sampled_speed(self, target, run, alone):
        begin = (run.sampling_since or run.start) + 0.5
        return ratio(target.throughput(begin, run.end - 0.5), alone)

    def repetition(self, target, rep, results):
        a = self.args
        for tool in (TOOLS if rep % 2 == 0 else TOOLS[::-1]):
            r = results[tool]
            time.sleep(a.long_seconds / 2.0)  # the unsampled window before it
            run = self.record(tool, target.pid, 100, a.long_seconds)
            r["speed100"].append(self.sampled_speed(target, run, self.alone(target, run)))
            long_run = self.record(tool, target.pid, 1000, a.long_seconds)
            r["speed1000"].append(self.sampled_speed(target, long_run, self.alone(target, long_run)))
            short_run = self.record(tool, target.pid, 1000, a.short_seconds)
            marginal, fixed = marginal_and_fixed(short_run.cpu, short_run.samples, long_run.cpu, long_run.samples)
            r["marginal"].append(marginal)
            r["fixed"].append(fixed)
            r["per_sample"].append(ratio(long_run.cpu, long_run.samples))
            r["record_rss"] += [short_run.rss, long_run.rss]
            r["samples"].append((short_run.samples, long_run.samples))
            for key, rate, nonblocking in (("rate10000", 10000, False), ("rate20000nb", 20000, True)):
                short = self.record(tool, target.pid, rate, nonblocking=nonblocking, stop_after=a.rate_short)
                long = self.record(tool, target.pid, rate, nonblocking=nonblocking, stop_after=a.rate_long)
                # Timed from "Sampling process": a JVM's start-up varies by seconds on a busy machine.
                r[key].append(achieved_rate(short.samples, short.end - (short.sampling_since or short.start),
                                            long.samples, long.end - (long.sampling_since or long.start)))
            progress("repetition %d, %s: marginal %.1f µs, fixed %.3f s, speed %.2f / %.2f, %.0f and %.0f samples/s"
                     % (rep + 1, tool, 1e6 * marginal, fixed, r["speed100"][-1], r["speed1000"][-1],
                        r["rate10000"][-1], r["rate20000nb"][-1]))

    def memory(self, target, results):
        a = self.args
        every = 5 if a.memory_seconds >= 300 else 2
        for tool in TOOLS:
            # py-spy's -d counts samples (rate x seconds) and it runs longer when it falls behind; stopping both after
            # the same wall time keeps the comparison about time.
            run = self.record(tool, target.pid, 1000, a.memory_seconds, stop_after=a.memory_seconds + 5,
                              rss_every=every)
            results[tool]["memory_rss"] = run.rss
            results[tool]["memory_trace"] = run.trace
            progress("%s: peak RSS %.0f MiB over %d s at 1000 Hz" % (tool, run.rss, a.memory_seconds))

    def run(self):
        results = {tool: {k: [] for k in ("speed100", "speed1000", "marginal", "fixed", "per_sample", "record_rss",
                                          "samples", "rate10000", "rate20000nb")} for tool in TOOLS}
        try:
            progress("dump of a sleeping target, %d runs each" % self.args.dump_runs)
            self.dump(results)
            target = BusyTarget(self.args.python)
            time.sleep(2)
            for rep in range(self.args.reps):
                progress("repetition %d of %d" % (rep + 1, self.args.reps))
                self.repetition(target, rep, results)
            if self.args.memory_seconds:
                progress("peak RSS of record -r 1000 -d %d" % self.args.memory_seconds)
                self.memory(target, results)
        finally:
            shutil.rmtree(self.raw, ignore_errors=True)
        return results


# ---------------------------------------------------------------------------------------------------------------
# The report

def rows_of(results, args):
    p4, ps = results["pyspy4j"], results["py-spy"]
    rows = []

    def row(label, unit_pattern, a, b, target, verdict):
        rows.append([label, fmt(a, unit_pattern), fmt(b, unit_pattern), fmt(ratio(a, b), "%.2f"), target, verdict])

    wall = [median(r["dump_wall"]) for r in (p4, ps)]
    row("`dump` wall, sleeping target (median of %d)" % args.dump_runs, "%.3f s", wall[0], wall[1], "≤ 0.15 s",
        at_most(wall[0], 0.15))
    rss = [median(r["dump_rss"]) for r in (p4, ps)]
    row("`dump` peak RSS (median)", "%.0f MiB", rss[0], rss[1], "≤ 40 MiB", at_most(rss[0], 40))
    fixed = [median(r["fixed"]) for r in (p4, ps)]
    row("fixed CPU of one `record` run", "%.3f s", fixed[0], fixed[1], "≤ 0.15 s", at_most(fixed[0], 0.15))
    marginal = [1e6 * median(r["marginal"]) for r in (p4, ps)]
    row("marginal CPU per sample, 1000 Hz (%g s and %g s runs)" % (args.short_seconds, args.long_seconds),
        "%.1f µs", marginal[0], marginal[1], "≤ 0.1× py-spy's", at_most(ratio(marginal[0], marginal[1]), 0.1))
    per_sample = [1e3 * median(r["per_sample"]) for r in (p4, ps)]
    row("CPU per sample, 1000 Hz for %g s, start-up included" % args.long_seconds, "%.3f ms", per_sample[0],
        per_sample[1], "≤ 0.1× py-spy's (title)", at_most(ratio(per_sample[0], per_sample[1]), 0.1))
    if args.memory_seconds:
        peak = [r["memory_rss"] for r in (p4, ps)]
        row("peak RSS, `record -r 1000 -d %d`" % args.memory_seconds, "%.0f MiB", peak[0], peak[1], "≤ 48 MiB",
            at_most(peak[0], 48))
        traces = [r["memory_trace"] for r in (p4, ps)]
        cells = ["n/a" if not t else "%.0f / %.0f / %.0f MiB" % (t[0][1], t[-1][1], max(v for _, v in t))
                 for t in traces]
        flat = growth(traces[0])
        rows.append(["RSS during that run: first / last / max (every %d s)" % (5 if args.memory_seconds >= 300 else 2),
                     cells[0], cells[1], "", "flat (≤ 5% growth after the first tenth)",
                     "n/a" if flat != flat else ("yes" if flat <= 0.05 else "no: grew %.0f%%" % (100 * flat))])
    else:
        peak = [max(r["record_rss"] or [NAN]) for r in (p4, ps)]
        row("peak RSS, `record -r 1000 -d %g`" % args.long_seconds, "%.0f MiB", peak[0], peak[1],
            "≤ 48 MiB (at -d 60)", at_most(peak[0], 48))
    speed = [median(r["speed100"]) for r in (p4, ps)]
    row("target speed sampled at 100 Hz (1.00 = unsampled)", "%.2f", speed[0], speed[1], "", "")
    speed = [median(r["speed1000"]) for r in (p4, ps)]
    row("target speed sampled at 1000 Hz (1.00 = unsampled)", "%.2f", speed[0], speed[1], "≥ 0.97",
        at_least(speed[0], 0.97))
    rate = [median(r["rate10000"]) for r in (p4, ps)]
    row("samples/s when 10000 Hz is asked, blocking, depth 40", "%.0f", rate[0], rate[1], "≥ 9000",
        at_least(rate[0], 9000))
    rate = [median(r["rate20000nb"]) for r in (p4, ps)]
    row("samples/s when 20000 Hz is asked, `--nonblocking`, depth 40", "%.0f", rate[0], rate[1], "≥ 18000",
        at_least(rate[0], 18000))
    return rows


HEADER = ["measure", "pyspy4j", "py-spy", "pyspy4j / py-spy", "target (pyspy4j)", "met"]


def first_line(command):
    try:
        output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                                timeout=120).stdout
        return (output.strip().splitlines() or ["?"])[0]
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as info:
            model = next((l.split(":", 1)[1].strip() for l in info if l.startswith("model name")), "?")
    except OSError:
        pass
    return "%s, %d cores, Linux %s" % (model, os.cpu_count() or 0, platform.release())


def load():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def report(results, args, context):
    rows = rows_of(results, args)
    print(context["title"])
    for line in context["lines"]:
        print("  " + line)
    print()
    print(text_table(HEADER, [[cell.replace("`", "") for cell in row] for row in rows]))
    print()
    print("Per repetition (pyspy4j, py-spy):")
    for key, scale, pattern in (("marginal", 1e6, "%.1f µs"), ("fixed", 1, "%.3f s"), ("speed100", 1, "%.2f"),
                                ("speed1000", 1, "%.2f"), ("rate10000", 1, "%.0f/s"), ("rate20000nb", 1, "%.0f/s")):
        print("  %-12s %s" % (key, "; ".join(
            "%s: %s" % (tool, ", ".join(fmt(scale * v, pattern) for v in results[tool][key])) for tool in TOOLS)))
    print("  %-12s %s" % ("samples", "; ".join(
        "%s: %s" % (tool, ", ".join("%d/%d" % s for s in results[tool]["samples"])) for tool in TOOLS)))
    print()
    print("Markdown:")
    print()
    print("%s; %s." % (context["title"], "; ".join(context["lines"])))
    print()
    print(markdown_table(HEADER, rows))


# ---------------------------------------------------------------------------------------------------------------
# py-spy's binary and the arguments

def obtain_pyspy(work):
    progress("getting py-spy's wheel (pip download --no-deps py-spy)")
    for pip in ([sys.executable, "-m", "pip"], ["pip3"], ["pip"]):
        try:
            done = subprocess.run(pip + ["download", "--no-deps", "--quiet", "py-spy", "-d", work],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        except (OSError, subprocess.SubprocessError):
            continue
        wheels = glob.glob(os.path.join(work, "py_spy-*.whl"))
        if done.returncode == 0 and wheels:
            with zipfile.ZipFile(wheels[0]) as wheel:
                wheel.extractall(os.path.join(work, "unpacked"))
            found = glob.glob(os.path.join(work, "unpacked", "*", "scripts", "py-spy"))
            if found:
                os.chmod(found[0], 0o755)
                return found[0]
    raise BenchError("py-spy's wheel is not available (pip download --no-deps py-spy failed), nothing to compare "
                     "with; give a py-spy binary with --pyspy", EXIT_NO_PYSPY)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="bench-vs-pyspy", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--pyspy4j", default=os.path.join(ROOT, "pyspy4j"),
                        help="pyspy4j's launcher (a command; words separated by spaces)")
    parser.add_argument("--pyspy", help="a py-spy binary (default: from pip download --no-deps py-spy)")
    parser.add_argument("--python", default=shutil.which("python3.11") or shutil.which("python3"),
                        help="the targets' Python")
    parser.add_argument("--reps", type=int, default=3, help="repetitions of the record measurements (medians)")
    parser.add_argument("--dump-runs", type=int, default=10, help="dump runs per tool (median)")
    parser.add_argument("--short-seconds", type=int, default=2, help="-d of the short 1000 Hz record")
    parser.add_argument("--long-seconds", type=int, default=8,
                        help="-d of the long 1000 Hz and the 100 Hz records; also the unsampled windows around them")
    parser.add_argument("--rate-short", type=float, default=2, help="seconds of sampling in the short high-rate run")
    parser.add_argument("--rate-long", type=float, default=6, help="seconds of sampling in the long high-rate run")
    parser.add_argument("--memory-seconds", type=int, default=60,
                        help="-d of the 1000 Hz record whose RSS is followed (0: none)")
    parser.add_argument("--long", action="store_true", help="follow the RSS over a 10-minute record (600 s)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 1 repetition, 3 dumps, shorter runs, no separate memory run")
    parser.add_argument("--self-test", action="store_true", help="test the computations and exit")
    args = parser.parse_args(argv)
    if args.quick:
        args.reps, args.dump_runs, args.short_seconds, args.long_seconds = 1, 3, 1, 3
        args.rate_short, args.rate_long, args.memory_seconds = 2, 4, 0
    if args.long:
        args.memory_seconds = 600
    if args.reps < 1 or args.dump_runs < 1 or args.short_seconds >= args.long_seconds or \
            args.rate_short >= args.rate_long:
        parser.error("need at least one repetition and dump run, and short durations below long ones")
    if not args.self_test and not args.python:
        parser.error("no python3.11 or python3 on PATH; give --python")
    return args


def on_signal(signum, _frame):
    raise KeyboardInterrupt()


def main(argv):
    args = parse_args(argv)
    if args.self_test:
        sys.argv = sys.argv[:1]
        unittest.main(module=__name__, argv=[sys.argv[0], "-v"], exit=True)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)
    work = tempfile.mkdtemp(prefix="bench-vs-pyspy-")
    global RSS_METER
    RSS_METER = rss_meter()
    try:
        pyspy = args.pyspy or obtain_pyspy(work)
        if run_version(args.pyspy4j.split()) is None:
            raise BenchError("%s --version failed; is it built?" % args.pyspy4j)
        context = {
            "title": "bench-vs-pyspy, %s" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "lines": ["machine: %s" % machine(),
                      "pyspy4j: %s (%s)" % (run_version(args.pyspy4j.split()), args.pyspy4j),
                      "py-spy: %s" % run_version([pyspy]),
                      "target: %s (%s), 40-frame stack" % (first_line([args.python, "-V"]), args.python),
                      "medians of %d repetitions%s" % (args.reps, ", --quick" if args.quick else ""),
                      "peak RSS from %s" % ("GNU time's %M" if RSS_METER else
                                            "os.wait4 (counts this script's RSS when it forked: no /usr/bin/time)"),
                      "load average at start: %s" % load()]}
        results = Bench(args, pyspy).run()
        context["lines"].append("at end: %s" % load())
        report(results, args, context)
        return 0
    except BenchError as failure:
        progress(str(failure))
        return failure.code
    except KeyboardInterrupt:
        progress("interrupted; stopped every process it started")
        return EXIT_INTERRUPTED
    finally:
        # A second Control-C must not cut the clean-up short.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        PROCESSES.kill_all()
        shutil.rmtree(work, ignore_errors=True)


def run_version(command):
    try:
        done = subprocess.run(command + ["--version"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


# ---------------------------------------------------------------------------------------------------------------
# --self-test

class ComputationsTest(unittest.TestCase):
    def test_marginal_and_fixed_recover_a_linear_cost(self):
        marginal, fixed = marginal_and_fixed(0.5 + 2000 * 40e-6, 2000, 0.5 + 8000 * 40e-6, 8000)
        self.assertAlmostEqual(marginal, 40e-6)
        self.assertAlmostEqual(fixed, 0.5)

    def test_marginal_is_undefined_without_more_samples_in_the_long_run(self):
        self.assertNotEqual(marginal_and_fixed(1.0, 100, 2.0, 100)[0], marginal_and_fixed(1.0, 100, 2.0, 100)[0])

    def test_achieved_rate_leaves_the_start_up_out(self):
        # 0.7 s of start-up in both runs, then 9000 samples per second.
        self.assertAlmostEqual(achieved_rate(9000 * 2, 2.7, 9000 * 6, 6.7), 9000)

    def test_summary_of_pyspy4j_gives_rounds(self):
        line = "pyspy4j> Wrote raw flamegraph data to 'x'. Samples: 2262 stacks in 1131 rounds " \
               "(565.3 rounds/s of 1000 asked), errors: 0\n"
        self.assertEqual(samples_from_summary(line), 1131)

    def test_summary_of_pyspy_gives_samples(self):
        text = "py-spy> 1.00s behind in sampling\npy-spy> Wrote raw flamegraph data to 'a.txt'. Samples: 1999 " \
               "Errors: 0\n"
        self.assertEqual(samples_from_summary(text), 1999)
        self.assertIsNone(samples_from_summary("nothing"))

    def test_raw_output_counts_every_stack(self):
        self.assertEqual(samples_from_raw("a (x.py:1);b (x.py:2) 7\n\nc (y.py:3) 5\n"), 12)

    def test_verdicts_say_by_how_much_a_target_is_missed(self):
        self.assertEqual(at_most(0.1, 0.15), "yes")
        self.assertEqual(at_most(0.45, 0.15), "no: 3.00× the target")
        self.assertEqual(at_least(0.97, 0.97), "yes")
        self.assertEqual(at_least(4500, 9000), "no: 50% of the target")
        self.assertEqual(at_least(NAN, 9000), "n/a")

    def test_no_ratio_of_a_negative_figure(self):
        self.assertEqual(ratio(3.0, 2.0), 1.5)
        self.assertNotEqual(ratio(1.0, -0.2), ratio(1.0, -0.2))

    def test_median_ignores_missing_values(self):
        self.assertEqual(median([3.0, NAN, 1.0, 2.0]), 2.0)
        self.assertNotEqual(median([NAN]), median([NAN]))

    def test_growth_is_measured_after_start_up(self):
        trace = [(t, 40.0 if t == 0 else 100.0) for t in range(20)]
        self.assertAlmostEqual(growth(trace), 0.0)
        self.assertAlmostEqual(growth(trace[:19] + [(19, 110.0)]), 0.1)

    def test_tables_have_a_line_per_row(self):
        rows = [["a", "1"], ["bb", "22"]]
        self.assertEqual(markdown_table(["m", "v"], rows).splitlines()[1], "| --- | --- |")
        self.assertEqual(len(text_table(["m", "v"], rows).splitlines()), 4)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
