// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Python targets of a test, as a JUnit extension that kills them, and every process they started, whether the test
 * passed or failed:
 *
 * <pre>{@code
 * @RegisterExtension
 * final PythonTargets targets = new PythonTargets();
 * ...
 * Process target = targets.startPython(python, Interpreters.script("shares.py"));
 * }</pre>
 *
 * <p>Each start returns once the script printed its {@code ready} line. The targets are killed after each test; in a
 * class whose tests share one instance ({@link TestInstance.Lifecycle#PER_CLASS}), after all of them.
 */
final class PythonTargets implements AfterEachCallback, AfterAllCallback {
    private final RunningProcesses processes = new RunningProcesses();

    /** Starts {@code python script args...} and returns once the script printed {@code ready}. */
    Process startPython(Path python, Path script, String... args) throws IOException, InterruptedException {
        return processes.startPython(python, script, args);
    }

    /**
     * Starts {@code python script args...} for a script that starts processes of its own, in a process group of its
     * own that is killed whole, and returns once the script printed {@code ready}.
     */
    Process startPythonTree(Path python, Path script, String... args) throws IOException, InterruptedException {
        return processes.startPythonTree(python, script, args);
    }

    /** Starts a program and returns once the kernel shows it running {@code program} (after its exec). */
    Process startProgram(String program, String... args) throws IOException, InterruptedException {
        return processes.startProgram(program, args);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_METHOD) {
            processes.killAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        processes.killAll();
    }
}
