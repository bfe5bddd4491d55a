// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;

/**
 * One process of a {@link FakeProcessTable}: what it runs, whether that is Python, and how its interpreter behaves
 * when opened and read.
 */
public final class FakeProcess {
    private final long pid;
    private long parent;
    private String executable;
    private List<String> commandLine;
    private PythonVersion version;
    private boolean alive = true;
    private int generation;
    private int openFailuresLeft;
    private SpyException openFailure;
    private SpyException attachRefused;
    private SpyException readFailure;
    private List<String> warnings = List.of();
    private int samples;

    FakeProcess(long pid, long parent, String executable, List<String> commandLine) {
        this.pid = pid;
        this.parent = parent;
        this.executable = executable;
        this.commandLine = List.copyOf(commandLine);
    }

    public long pid() {
        return pid;
    }

    public long parent() {
        return parent;
    }

    public String executable() {
        return executable;
    }

    public List<String> commandLine() {
        return commandLine;
    }

    public boolean alive() {
        return alive;
    }

    /** How many times its interpreter was read. */
    public int samples() {
        return samples;
    }

    PythonVersion version() {
        return version;
    }

    int generation() {
        return generation;
    }

    List<String> warnings() {
        return warnings;
    }

    SpyException attachRefused() {
        return attachRefused;
    }

    void becomePython(PythonVersion pythonVersion) {
        version = pythonVersion;
    }

    /** Opening its interpreter fails the next {@code times} times with NOT_PYTHON, as for Python still starting. */
    public FakeProcess startingUp(int times) {
        openFailuresLeft = times;
        openFailure = new SpyException(FailureKind.NOT_PYTHON, "process " + pid + " has no interpreter yet");
        return this;
    }

    /** Opening its interpreter always fails with {@code failure}. */
    public FakeProcess failingToOpen(SpyException failure) {
        openFailuresLeft = Integer.MAX_VALUE;
        openFailure = failure;
        return this;
    }

    /** Attaching to it fails with {@code failure}, e.g. PERMISSION_DENIED. */
    public FakeProcess refusingAttach(SpyException failure) {
        attachRefused = failure;
        return this;
    }

    /** Reading its interpreter fails with {@code failure} until told otherwise ({@code null}). */
    public FakeProcess failingToRead(SpyException failure) {
        readFailure = failure;
        return this;
    }

    public FakeProcess warning(String text) {
        warnings = List.of(text);
        return this;
    }

    void checkOpenable() {
        if (!alive) {
            throw new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " exited");
        }
        if (openFailuresLeft > 0) {
            openFailuresLeft--;
            throw openFailure;
        }
        if (version == null) {
            throw new SpyException(FailureKind.NOT_PYTHON, "process " + pid + " ('" + executable
                    + "') is not a Python process");
        }
    }

    List<StackTrace> sample() {
        samples++;
        if (readFailure != null) {
            throw readFailure;
        }
        return List.of(new StackTrace(pid, 0x1000 + pid, "MainThread", pid, true, true,
                List.of(Frame.python("work_" + pid, "/app/w.py", 1)), null));
    }

    void end() {
        alive = false;
    }

    void adoptedBy(long newParent) {
        parent = newParent;
    }

    void exec(boolean python, String newExecutable, List<String> argv) {
        generation++;
        executable = newExecutable;
        commandLine = List.copyOf(argv);
        version = python ? PythonVersion.of(3, 12, 1) : null;
    }
}
