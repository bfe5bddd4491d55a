// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits normally while a target is paused must leave the target running: the pausing thread is the
 * ptrace tracer, and the kernel detaches (and so resumes) the tracees of a tracer that exits.
 */
@EnabledOnOs(OS.LINUX)
class ShutdownResumeIT {
    @TempDir
    Path workDir;

    private PythonProcess python;

    @AfterEach
    void stop() {
        python.close();
    }

    @Test
    void aNormalJvmExitResumesAPausedTarget() throws Exception {
        python = PythonProcess.start("busy_threads.py", "2");
        Process child = ChildJvm.start(workDir, List.of(), PauseAndExitMain.class, Long.toString(python.pid()));
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("paused");
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            python.skipPrinted();
            assertThat(python.nextLine(10)).startsWith("count ");
            assertThat(python.threadStates()).hasSize(3).doesNotContain('t', 'T');
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
