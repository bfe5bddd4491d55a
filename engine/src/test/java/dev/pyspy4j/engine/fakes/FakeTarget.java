// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A process that exists only in a test: its command line, its interpreter's canned stacks, and the failure its
 * interpreter gives when opened or sampled. Files it "sees" live under {@code root}, like a container's.
 */
public final class FakeTarget implements TargetProcess {
    private final long pid;
    private final List<String> commandLine;
    private final String executable;
    private final Path root;
    final PythonVersion version;
    final List<StackTrace> traces;
    final List<String> warnings;
    final RuntimeException openFailure;
    final int openFailures;
    final RuntimeException sampleFailure;
    private final Set<Integer> failingSamples;
    private final int exitAfterSamples;
    private final IntConsumer onSample;
    final List<Long> stoppedThreads;
    private int samplesTaken;
    private boolean exited;
    private int closeCount;
    private int pauseCount;
    private boolean paused;

    private FakeTarget(Builder builder) {
        this.pid = builder.pid;
        this.commandLine = builder.commandLine;
        this.executable = builder.executable;
        this.root = builder.root;
        this.version = builder.version;
        this.traces = builder.traces;
        this.warnings = builder.warnings;
        this.openFailure = builder.openFailure;
        this.openFailures = builder.openFailures;
        this.sampleFailure = builder.sampleFailure;
        this.failingSamples = builder.failingSamples;
        this.exitAfterSamples = builder.exitAfterSamples;
        this.onSample = builder.onSample;
        this.stoppedThreads = builder.stoppedThreads;
    }

    public static Builder pid(long pid) {
        return new Builder(pid);
    }

    public int closeCount() {
        return closeCount;
    }

    /** How many times the interpreter was sampled. */
    public int samplesTaken() {
        return samplesTaken;
    }

    /** The traces of the next sample, or the failure the builder chose for it. */
    List<StackTrace> nextSample() {
        int index = samplesTaken++;
        onSample.accept(index);
        if (exitAfterSamples >= 0 && index >= exitAfterSamples) {
            exited = true;
            throw new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " exited");
        }
        if (failingSamples.contains(index)) {
            throw new SpyException(FailureKind.MEMORY_READ, "torn read at sample " + index);
        }
        if (sampleFailure != null) {
            throw sampleFailure;
        }
        return traces;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Platform platform() {
        return Platform.current();
    }

    @Override
    public ProcessMemory memory() {
        throw new UnsupportedOperationException("the fake has no memory");
    }

    @Override
    public List<MemoryRegion> regions() {
        return List.of();
    }

    @Override
    public List<NativeThread> threads() {
        return List.of();
    }

    @Override
    public String executablePath() {
        return executable;
    }

    @Override
    public List<String> commandLine() {
        return commandLine;
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return root.resolve(pathInTarget.substring(1));
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return Optional.empty();
    }

    /** Pauses nothing, but counts the pauses and whether one is held. */
    @Override
    public PauseHandle pause() {
        if (paused) {
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " is already paused");
        }
        paused = true;
        pauseCount++;
        return () -> paused = false;
    }

    public int pauseCount() {
        return pauseCount;
    }

    public boolean paused() {
        return paused;
    }

    @Override
    public boolean isAlive() {
        return closeCount == 0 && !exited;
    }


    @Override
    public void close() {
        closeCount++;
    }

    /** Describes a fake process. */
    public static final class Builder {
        private final long pid;
        private List<String> commandLine = List.of("python3", "t.py");
        private String executable = "/usr/bin/python3.11";
        private Path root = Path.of("/nonexistent-fake-root");
        private PythonVersion version = PythonVersion.of(3, 11, 7);
        private List<StackTrace> traces = List.of();
        private List<String> warnings = List.of();
        private RuntimeException openFailure;
        private int openFailures = Integer.MAX_VALUE;
        private RuntimeException sampleFailure;
        private Set<Integer> failingSamples = Set.of();
        private int exitAfterSamples = -1;
        private IntConsumer onSample = index -> { };
        private List<Long> stoppedThreads = List.of();

        private Builder(long pid) {
            this.pid = pid;
        }

        public Builder commandLine(String... argv) {
            this.commandLine = List.of(argv);
            return this;
        }

        public Builder executable(String path) {
            this.executable = path;
            return this;
        }

        public Builder root(Path directory) {
            this.root = directory;
            return this;
        }

        public Builder version(PythonVersion value) {
            this.version = value;
            return this;
        }

        public Builder traces(StackTrace... values) {
            this.traces = List.of(values);
            return this;
        }

        public Builder warnings(String... values) {
            this.warnings = List.of(values);
            return this;
        }

        public Builder failingToOpen(RuntimeException failure) {
            this.openFailure = failure;
            return this;
        }

        /** Opening fails with {@code failure} the first {@code times} times, then succeeds. */
        public Builder failingToOpen(RuntimeException failure, int times) {
            this.openFailure = failure;
            this.openFailures = times;
            return this;
        }

        public Builder failingToSample(RuntimeException failure) {
            this.sampleFailure = failure;
            return this;
        }

        /** The samples with these indexes (0-based) fail with a torn read. */
        public Builder failingAtSamples(Integer... indexes) {
            this.failingSamples = Set.of(indexes);
            return this;
        }

        /** After {@code count} samples the process exits: the next sample fails and it is no longer alive. */
        public Builder exitingAfterSamples(int count) {
            this.exitAfterSamples = count;
            return this;
        }

        /** Runs before each sample with its index, e.g. to let a fake clock move or to stop the run. */
        public Builder onSample(IntConsumer action) {
            this.onSample = action;
            return this;
        }

        /**
         * The OS threads a pause stops, whose registers can be read then: work the interpreter runs while paused
         * sees them.
         */
        public Builder stoppedThreads(Long... osThreadIds) {
            this.stoppedThreads = List.of(osThreadIds);
            return this;
        }

        public FakeTarget build() {
            return new FakeTarget(this);
        }
    }
}
