// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs MinGW-w64's tools (gcc, nm) for the tests that check this module against real Windows files and headers. */
public final class MingwTools {
    private MingwTools() {
    }

    /** The exit status and the output (stdout and stderr) of the tool, which must end within two minutes. */
    public record Result(int exitStatus, String output) {
        /** The output, after checking that the tool succeeded. */
        public String succeeded() {
            assertThat(exitStatus).as("%s", output).isZero();
            return output;
        }
    }

    public static Result run(String... command) {
        Process tool;
        try {
            tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed by this test: apt-get install gcc-mingw-w64-x86-64", e);
        }
        try {
            String output = new String(tool.getInputStream().readAllBytes());
            assertThat(tool.waitFor(120, TimeUnit.SECONDS)).as("%s ends", List.of(command)).isTrue();
            return new Result(tool.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + command[0] + " ran", e);
        } finally {
            tool.destroyForcibly();
        }
    }
}
