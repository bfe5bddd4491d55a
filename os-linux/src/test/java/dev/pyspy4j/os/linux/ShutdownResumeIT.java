// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that exits normally while a target is paused must leave the target running. */
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
        Process child = ChildJvm.start(workDir, List.of(), PauseAndExitMain.class, Long.toString(python.pid()),
                "20000");
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("paused");
            assertThat(output.readLine()).isEqualTo("exiting");
            python.skipPrinted();
            assertThat(python.nextLine(10)).startsWith("count ");
            assertThat(child.isAlive()).isTrue();
            assertThat(python.threadStates()).hasSize(3).doesNotContain('t', 'T');
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
