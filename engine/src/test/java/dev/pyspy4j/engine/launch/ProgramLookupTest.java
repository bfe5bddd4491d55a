// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a program before launching it, as execvp(3) would. */
class ProgramLookupTest {
    @TempDir
    Path bin;

    @BeforeEach
    void programs() throws IOException {
        Files.createFile(bin.resolve("tool"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(bin.resolve("notes.txt"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));
    }

    @Test
    void aNameIsLookedUpInEachPathDirectory() {
        assertThatCode(() -> ProgramLookup.checkRunnable("tool", "/nonexistent:" + bin)).doesNotThrowAnyException();
    }

    @Test
    void aNameNotOnThePathIsRefused() {
        assertThatThrownBy(() -> ProgramLookup.checkRunnable("pythno", bin.toString()))
                .isInstanceOfSatisfying(SpyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_NOT_FOUND);
                    assertThat(e.getMessage())
                            .isEqualTo("cannot run 'pythno': not found on the PATH");
                });
    }

    @Test
    void aFileThatIsNotExecutableIsNoProgram() {
        assertThatThrownBy(() -> ProgramLookup.checkRunnable("notes.txt", bin.toString()))
                .hasMessage("cannot run 'notes.txt': not found on the PATH");
        assertThatThrownBy(() -> ProgramLookup.checkRunnable(bin.resolve("notes.txt").toString(), ""))
                .hasMessage("cannot run '" + bin.resolve("notes.txt") + "': not an executable file");
    }

    @Test
    void aPathIsTakenAsItIs() {
        assertThatCode(() -> ProgramLookup.checkRunnable(bin.resolve("tool").toString(), ""))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProgramLookup.checkRunnable(bin.resolve("none").toString(), bin.toString()))
                .hasMessageEndingWith("': not an executable file");
    }

    @Test
    void aDirectoryIsNoProgram() {
        assertThatThrownBy(() -> ProgramLookup.checkRunnable(bin.toString(), "")).hasMessageEndingWith(
                "': not an executable file");
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> ProgramLookup.checkRunnable("", "/usr/bin"))
                .hasMessage("cannot run '': the program name is empty");
    }
}
