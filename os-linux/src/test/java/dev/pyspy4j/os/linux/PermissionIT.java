// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** An unprivileged user ({@code nobody}) trying to read and pause a root-owned interpreter. */
@EnabledOnOs(OS.LINUX)
class PermissionIT {
    @TempDir
    Path workDir;

    private PythonProcess python;

    @AfterEach
    void stop() {
        python.close();
    }

    @Test
    void nobodyIsDeniedEveryAccessToARootProcess() throws Exception {
        python = PythonProcess.start("busy_threads.py", "1");
        long address;
        try (LinuxTargetProcess target = new LinuxTargetProcess(python.pid())) {
            address = target.regions().stream().filter(MemoryRegion::isReadable).findFirst().orElseThrow().start();
        }
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String output = ChildJvm.run(workDir, List.of("runuser", "-u", "nobody", "--"), AttachProbeMain.class,
                Long.toString(python.pid()), Long.toHexString(address));
        assertThat(output.lines()).containsExactly(
                "attach PERMISSION_DENIED permission denied reading process " + python.pid(),
                "read PERMISSION_DENIED permission denied reading process " + python.pid(),
                "pause PERMISSION_DENIED permission denied pausing process " + python.pid() + " with ptrace");
        assertThat(python.threadStates()).doesNotContain('t', 'T');
    }
}
