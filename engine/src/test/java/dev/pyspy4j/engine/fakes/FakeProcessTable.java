// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.InterpreterSample;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import dev.pyspy4j.spi.python.PythonVersion;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process table that exists only in a test: processes with parents, programs and, for Python ones, one thread
 * whose only frame is {@code work_<pid>} in {@code /app/w.py}. The test starts, execs and ends them; the table
 * serves as the {@link ProcessTree} and behind fake providers. Like the real thing, an interpreter opened before an
 * exec fails to read afterwards, and everything attached counts as open until closed.
 */
public final class FakeProcessTable implements ProcessTree {
    private final Map<Long, FakeProcess> processes = new LinkedHashMap<>();
    private final List<FakeHandle> handles = new ArrayList<>();
    private int opens;

    /** Starts a Python process. */
    public FakeProcessTable python(long pid, long parent, String... argv) {
        start(pid, parent, "/usr/bin/python3.12", argv);
        processes.get(pid).becomePython(PythonVersion.of(3, 12, 1));
        return this;
    }

    /** Starts a process that runs no Python, e.g. a shell. */
    public FakeProcessTable program(long pid, long parent, String executable, String... argv) {
        start(pid, parent, executable, argv);
        return this;
    }

    private void start(long pid, long parent, String executable, String... argv) {
        processes.put(pid, new FakeProcess(pid, parent, executable, List.of(argv)));
    }

    /** The process the table knows as {@code pid}, for finer changes. */
    public FakeProcess process(long pid) {
        return processes.get(pid);
    }

    /** Ends a process; its children are adopted by init, as on Linux. */
    public void exit(long pid) {
        processes.get(pid).end();
        processes.values().stream().filter(p -> p.parent() == pid).forEach(p -> p.adoptedBy(1));
    }

    /** Runs another program in process {@code pid}, Python or not. */
    public void exec(long pid, boolean python, String executable, String... argv) {
        processes.get(pid).exec(python, executable, List.of(argv));
    }

    @Override
    public Map<Long, Long> descendantsOf(long pid) {
        FakeProcess root = processes.get(pid);
        Map<Long, Long> found = new LinkedHashMap<>();
        if (root == null || !root.alive()) {
            return found;
        }
        List<Long> generation = List.of(pid);
        while (!generation.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (FakeProcess process : processes.values()) {
                if (process.alive() && generation.contains(process.parent())) {
                    found.put(process.pid(), process.parent());
                    next.add(process.pid());
                }
            }
            generation = next;
        }
        return found;
    }

    public Providers providers() {
        return Providers.of(List.of(new Access()), List.of(new Activity()), List.of(new Layouts()), List.of());
    }

    /** Attached handles not closed yet. */
    public long openHandles() {
        return handles.stream().filter(handle -> !handle.closed()).count();
    }

    /** Attempts to find an interpreter, failed ones included. */
    public int opens() {
        return opens;
    }

    private final class Access implements ProcessAccessProvider {
        @Override
        public String id() {
            return "fake-table";
        }

        @Override
        public FakeHandle attach(long pid) {
            FakeProcess process = processes.get(pid);
            if (process == null || !process.alive()) {
                throw new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid);
            }
            if (process.attachRefused() != null) {
                throw process.attachRefused();
            }
            FakeHandle handle = new FakeHandle(process);
            handles.add(handle);
            return handle;
        }
    }

    private static final class Activity implements ThreadActivityProvider {
        @Override
        public String id() {
            return "fake-table-activity";
        }

        @Override
        public ThreadActivityProbe open(dev.pyspy4j.spi.process.TargetProcess target) {
            return new ThreadActivityProbe() {
                @Override
                public Map<Long, ThreadActivity> snapshot() {
                    return Map.of();
                }

                @Override
                public void close() {
                    // Nothing to release.
                }
            };
        }
    }

    private final class Layouts implements PythonInterpreterProvider {
        @Override
        public String id() {
            return "fake-table-python";
        }

        @Override
        public String supportedVersions() {
            return "3.12";
        }

        @Override
        public PythonInterpreter open(dev.pyspy4j.spi.process.TargetProcess target) {
            opens++;
            FakeProcess process = ((FakeHandle) target).process();
            process.checkOpenable();
            return new Interpreter(process, process.generation());
        }
    }

    /** An interpreter found in one program of a process: after an exec, reading it fails as a torn read. */
    private static final class Interpreter implements PythonInterpreter {
        private final FakeProcess process;
        private final int generation;

        Interpreter(FakeProcess process, int generation) {
            this.process = process;
            this.generation = generation;
        }

        @Override
        public PythonVersion version() {
            return process.version();
        }

        @Override
        public String binaryPath() {
            return process.executable();
        }

        @Override
        public List<String> warnings() {
            return process.warnings();
        }

        @Override
        public InterpreterSample sample(SampleRequest request) {
            if (!process.alive()) {
                throw new SpyException(FailureKind.PROCESS_EXITED, "process " + process.pid() + " exited");
            }
            if (process.generation() != generation) {
                throw new SpyException(FailureKind.MEMORY_READ, "process " + process.pid() + " changed under us");
            }
            List<StackTrace> traces = process.sample();
            return new InterpreterSample(traces, 0);
        }
    }
}
