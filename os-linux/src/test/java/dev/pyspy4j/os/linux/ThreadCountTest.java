// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ThreadCountTest {
    @Test
    void readsField20AfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (we (ird) na me) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 6 0 0 20 0 7 0 123 456 789";
        assertThat(ThreadCount.parse(line)).hasValue(7);
    }

    @Test
    void readsOnlyTheBytesTheFileFilledAndStopsAtTheNewline() {
        byte[] buffer = new byte[128];
        byte[] line = "9 (py) R 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 12\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(line, 0, buffer, 0, line.length);
        Arrays.fill(buffer, line.length, buffer.length, (byte) '7');

        assertThat(ThreadCount.parse(buffer, line.length)).hasValue(12);
        assertThat(ThreadCount.parse(buffer, line.length - 2)).hasValue(1);
    }

    @Test
    void garbageGivesNothing() {
        assertThat(ThreadCount.parse("no parenthesis")).isEqualTo(OptionalInt.empty());
        assertThat(ThreadCount.parse("1 (x) S 1")).isEqualTo(OptionalInt.empty());
        assertThat(ThreadCount.parse("1 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 x")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void countsTheThreadsOfThisJvm() {
        try (ThreadCount count = new ThreadCount(new ProcFs(ProcessHandle.current().pid()))) {
            assertThat(count.read().orElseThrow()).isGreaterThan(1);
        }
    }

    @Test
    void followsThreadsThatStartAndEnd() throws Exception {
        try (PythonProcess python = PythonProcess.start("thread_waves.py");
                ThreadCount count = new ThreadCount(new ProcFs(python.pid()))) {
            assertThat(settledCount(count, python.pid())).isEqualTo(1);
            assertThat(python.nextLine(30)).isEqualTo("started");
            assertThat(settledCount(count, python.pid())).isEqualTo(4);
            assertThat(python.nextLine(30)).isEqualTo("joined");
            assertThat(settledCount(count, python.pid())).isEqualTo(1);
        }
    }

    @Test
    void aProcessThatIsGoneHasNoCount() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try (ThreadCount count = new ThreadCount(new ProcFs(sleeper.pid()))) {
            assertThat(count.read()).hasValue(1);
            assertThat(count.read()).as("from the task directory's links").hasValue(1);
            sleeper.destroyForcibly().waitFor();
            assertThat(count.read()).isEmpty();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /**
     * The count once it agrees with a listing of the task directory twice in a row: a thread that a program has
     * joined may still be leaving the kernel.
     */
    private static int settledCount(ThreadCount count, long pid) throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int counted = count.read().orElseThrow();
            long listed;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                listed = tasks.count();
            }
            if (counted == listed && count.read().orElseThrow() == counted) {
                return counted;
            }
        }
        throw new AssertionError("the thread count never settled");
    }
}
