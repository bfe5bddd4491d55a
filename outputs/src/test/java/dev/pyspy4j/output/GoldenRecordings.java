// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output;

import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import java.util.ArrayList;
import java.util.List;

/** The fixed recordings behind the golden files: what a small real program looks like to a recorder. */
final class GoldenRecordings {
    private static final long TICK = 10_000_000L;
    private static final long MAIN_TID = 0x7f3a1c2b4740L;
    private static final long WORKER_TID = 0x7f3a1a9ff6c0L;

    private static final Frame MODULE = frame("<module>", "/srv/app/app.py", "app.py", 30);
    private static final Frame MAIN = frame("main", "/srv/app/app.py", "app.py", 25);
    private static final Frame COMPUTE = frame("compute", "/srv/app/app.py", "app.py", 12);
    private static final Frame LISTCOMP = frame("<listcomp>", "/srv/app/app.py", "app.py", 13);
    private static final Frame LAMBDA = frame("<lambda>", "/srv/app/app.py", "app.py", 14);
    private static final Frame PARSE = frame("parse", "/usr/lib/python3.11/json/decoder.py", "json/decoder.py", 353);
    private static final Frame BOOTSTRAP = frame("_bootstrap", "/usr/lib/python3.11/threading.py", "threading.py", 995);
    private static final Frame INNER = frame("_bootstrap_inner", "/usr/lib/python3.11/threading.py", "threading.py",
            1038);
    private static final Frame RUN = frame("run", "/usr/lib/python3.11/threading.py", "threading.py", 975);
    private static final Frame POLL = frame("poll", "/srv/app/net/io.py", "net/io.py", 8);
    private static final Frame READ = frame("lire_données", "/srv/app/net/io.py", "net/io.py", 20);

    private GoldenRecordings() {
    }

    /** A named recording and the settings it was made with. */
    record Recording(String name, OutputSettings settings, List<Timed> samples) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Recording> all() {
        return List.of(twoThreads(), processTree(), empty());
    }

    private static Frame frame(String name, String file, String shortFile, int line) {
        return new Frame(name, file, null, shortFile, line, null, false, false);
    }

    private static Frame pseudo(String name) {
        return new Frame(name, "", null, "", 0, null, false, false);
    }

    /**
     * Main thread for 200 ms in a few call paths; a worker that polls, goes idle (filtered out) from 70 ms to
     * 140 ms, then reads.
     */
    private static Recording twoThreads() {
        List<Timed> samples = new ArrayList<>();
        for (int tick = 1; tick <= 20; tick++) {
            samples.add(new Timed(mainThread(4242, null, mainStack(tick)), tick * TICK));
            if (tick <= 6 || tick >= 15) {
                samples.add(new Timed(worker(4242, null, tick <= 6 ? List.of(POLL) : List.of(READ, POLL)),
                        tick * TICK + 40_000));
            }
        }
        return new Recording("two-threads", new OutputSettings("pyspy4j record -o out.svg -- python app.py", 100,
                true, "pyspy4j 0.1.0"), samples);
    }

    /** {@code --subprocesses --threads --nolineno}: two processes, pseudo-frames at the root end. */
    private static Recording processTree() {
        ProcessInfo parent = new ProcessInfo(4242, "python app.py", null);
        ProcessInfo child = new ProcessInfo(4300, "python -m worker", parent);
        List<Timed> samples = new ArrayList<>();
        for (int tick = 1; tick <= 8; tick++) {
            List<Frame> parentFrames = new ArrayList<>(mainStack(tick));
            parentFrames.add(pseudo("thread (4242): MainThread"));
            parentFrames.add(pseudo("process 4242:\"python app.py\""));
            samples.add(new Timed(mainThread(4242, parent, parentFrames), tick * 2 * TICK));
            List<Frame> childFrames = new ArrayList<>(tick % 3 == 0 ? List.of(READ, POLL) : List.of(POLL));
            childFrames.add(pseudo("thread (4301): MainThread"));
            childFrames.add(pseudo("process 4300:\"python -m worker\""));
            childFrames.add(pseudo("process 4242:\"python app.py\""));
            samples.add(new Timed(new StackTrace(4300, MAIN_TID, "MainThread", 4301, true, true, childFrames, child),
                    tick * 2 * TICK + 60_000));
        }
        return new Recording("process-tree", new OutputSettings(
                "pyspy4j record --subprocesses --threads --nolineno -f raw -- python app.py", 50, false,
                "pyspy4j 0.1.0"), samples);
    }

    private static Recording empty() {
        return new Recording("empty", new OutputSettings("pyspy4j record -d 1 -p 4242", 100, true, "pyspy4j 0.1.0"),
                List.of());
    }

    /** The main thread's stack at a tick: mostly computing, parsing JSON now and then. */
    private static List<Frame> mainStack(int tick) {
        List<Frame> leafFirst = switch (tick % 5) {
            case 0 -> List.of(PARSE, COMPUTE);
            case 1, 2 -> List.of(LISTCOMP, COMPUTE);
            case 3 -> List.of(LAMBDA, LISTCOMP, COMPUTE);
            default -> List.of(COMPUTE);
        };
        List<Frame> frames = new ArrayList<>(leafFirst);
        frames.add(MAIN);
        frames.add(MODULE);
        return frames;
    }

    private static StackTrace mainThread(long pid, ProcessInfo process, List<Frame> frames) {
        return new StackTrace(pid, MAIN_TID, "MainThread", 4242, true, true, frames, process);
    }

    private static StackTrace worker(long pid, ProcessInfo process, List<Frame> pythonFrames) {
        List<Frame> frames = new ArrayList<>(pythonFrames);
        frames.add(RUN);
        frames.add(INNER);
        frames.add(BOOTSTRAP);
        return new StackTrace(pid, WORKER_TID, "worker-1", 4250, true, false, frames, process);
    }
}
