// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks interpreters what they are, all at once: the version ({@code platform.python_version()}, which every
 * CPython since 2.3 has) and whether the build is free-threaded ({@code Py_GIL_DISABLED}, 3.13+).
 */
final class VersionProbe {
    private static final String QUESTION = "import platform, sysconfig; print(platform.python_version());"
            + " print(sysconfig.get_config_var('Py_GIL_DISABLED') or 0)";
    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    /** What one interpreter answered, or why it did not. */
    record Answer(Path executable, String version, boolean freeThreaded, String failure) {
        boolean answered() {
            return failure == null;
        }
    }

    private VersionProbe() {
    }

    static List<Answer> ask(List<Path> executables) {
        List<Process> running = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        try {
            for (Path executable : executables) {
                running.add(start(executable));
            }
            for (int i = 0; i < executables.size(); i++) {
                answers.add(answerOf(executables.get(i), running.get(i)));
            }
        } finally {
            running.stream().filter(process -> process != null).forEach(Process::destroyForcibly);
        }
        return answers;
    }

    private static Process start(Path executable) {
        try {
            return new ProcessBuilder(executable.toString(), "-c", QUESTION).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
    }

    private static Answer answerOf(Path executable, Process process) {
        if (process == null) {
            return new Answer(executable, null, false, "cannot be run");
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return new Answer(executable, null, false, "did not answer within " + ANSWER_TIMEOUT_SECONDS + " s");
            }
            String[] lines = output.split("\\R");
            if (process.exitValue() != 0 || lines.length != 2 || !lines[0].matches("\\d+\\.\\d+.*")) {
                return new Answer(executable, null, false, "answered exit " + process.exitValue() + ": " + output);
            }
            return new Answer(executable, lines[0], !lines[1].equals("0"), null);
        } catch (IOException e) {
            return new Answer(executable, null, false, "cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(executable, null, false, "interrupted");
        }
    }
}
