// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.InterpreterSample;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import dev.pyspy4j.spi.python.PythonVersion;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fake provider per axis over a set of {@link FakeTarget}s, recording what the CLI asked of them:
 * attaching to an unknown pid fails with PROCESS_NOT_FOUND, and chosen pids fail with a given exception.
 */
public final class FakeProviders {
    private final Map<Long, FakeTarget> targets = new HashMap<>();
    private final Map<Long, Throwable> attachFailures = new HashMap<>();
    private final List<FakeProbe> probes = new ArrayList<>();
    private final List<SampleRequest> requests = new ArrayList<>();
    private final List<OutputFormat> formats = new ArrayList<>();
    private final List<NativeUnwinderProvider> unwinders = new ArrayList<>();
    private final List<SymbolResolverProvider> symbolResolvers = new ArrayList<>();
    private int opens;
    private int pausedWorkRuns;

    public FakeProviders with(FakeTarget target) {
        targets.put(target.pid(), target);
        return this;
    }

    public FakeProviders failingToAttach(long pid, RuntimeException failure) {
        attachFailures.put(pid, failure);
        return this;
    }

    /** Attaching to {@code pid} fails as the JVM can fail, e.g. with a native library that does not load. */
    public FakeProviders failingToAttach(long pid, Error failure) {
        attachFailures.put(pid, failure);
        return this;
    }

    /** Adds an output format. */
    public FakeProviders withFormat(OutputFormat format) {
        formats.add(format);
        return this;
    }

    /** Adds an unwinder provider. */
    public FakeProviders withUnwinder(NativeUnwinderProvider unwinder) {
        unwinders.add(unwinder);
        return this;
    }

    /** Adds a symbol resolver provider. */
    public FakeProviders withSymbols(SymbolResolverProvider resolver) {
        symbolResolvers.add(resolver);
        return this;
    }

    public Providers providers() {
        return Providers.of(List.of(new Access()), List.of(new Activity()), List.of(new Layouts()), formats)
                .withNative(unwinders, symbolResolvers);
    }

    /** How many times work to run while the target is paused was run. */
    public int pausedWorkRuns() {
        return pausedWorkRuns;
    }

    /** How many times an interpreter was looked for, failed attempts included. */
    public int opens() {
        return opens;
    }

    public List<FakeProbe> probes() {
        return probes;
    }

    public List<SampleRequest> requests() {
        return requests;
    }

    /** A probe that reports no threads and counts how often it was closed. */
    public static final class FakeProbe implements ThreadActivityProbe {
        private int closeCount;

        public int closeCount() {
            return closeCount;
        }

        @Override
        public Map<Long, ThreadActivity> snapshot() {
            return Map.of();
        }

        @Override
        public void close() {
            closeCount++;
        }
    }

    private final class Access implements ProcessAccessProvider {
        @Override
        public String id() {
            return "fake-access";
        }

        @Override
        public TargetProcess attach(long pid) {
            Throwable failure = attachFailures.get(pid);
            if (failure instanceof RuntimeException exception) {
                throw exception;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            FakeTarget target = targets.get(pid);
            if (target == null) {
                throw new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid);
            }
            return target;
        }
    }

    private final class Activity implements ThreadActivityProvider {
        @Override
        public String id() {
            return "fake-activity";
        }

        @Override
        public ThreadActivityProbe open(TargetProcess target) {
            FakeProbe probe = new FakeProbe();
            probes.add(probe);
            return probe;
        }
    }

    private final class Layouts implements PythonInterpreterProvider {
        @Override
        public String id() {
            return "fake-python";
        }

        @Override
        public String supportedVersions() {
            return "3.11";
        }

        @Override
        public PythonInterpreter open(TargetProcess process) {
            FakeTarget target = (FakeTarget) process;
            opens++;
            if (target.openFailure != null && opens <= target.openFailures) {
                throw target.openFailure;
            }
            return new Interpreter(target);
        }
    }

    private final class Interpreter implements PythonInterpreter {
        private final FakeTarget target;

        Interpreter(FakeTarget target) {
            this.target = target;
        }

        @Override
        public PythonVersion version() {
            return target.version;
        }

        @Override
        public String binaryPath() {
            return "/fake/libpython3.11.so.1.0";
        }

        @Override
        public List<String> warnings() {
            return target.warnings;
        }

        @Override
        public InterpreterSample sample(SampleRequest request) {
            requests.add(request);
            if (!request.pauseTarget()) {
                return new InterpreterSample(target.nextSample(), 0);
            }
            // Paused as the real interpreters pause: a pause already held fails as it would on a real target.
            try (PauseHandle paused = target.pause()) {
                InterpreterSample sample = new InterpreterSample(target.nextSample(), 0);
                if (request.whilePaused() != null) {
                    pausedWorkRuns++;
                    request.whilePaused().run(new StoppedThreads(target.stoppedThreads));
                }
                return sample;
            }
        }
    }

    /** A pause of the fake: its threads' registers hold their OS thread id as instruction pointer. */
    private record StoppedThreads(List<Long> threads) implements PauseHandle {
        @Override
        public List<Long> stoppedThreads() {
            return threads;
        }

        @Override
        public Optional<Registers> registers(long osThreadId) {
            if (!threads.contains(osThreadId)) {
                return Optional.empty();
            }
            long[] values = new long[Registers.X86_64_COUNT];
            values[Registers.X86_64_RIP] = osThreadId;
            return Optional.of(new Registers(TargetArch.X86_64, values));
        }

        @Override
        public void close() {
        }
    }
}
