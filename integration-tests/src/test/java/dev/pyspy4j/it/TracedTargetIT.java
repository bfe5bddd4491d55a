// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target a debugger (gdb) is attached to: a process has one tracer at a time, so pyspy4j, root or not, cannot pause
 * it, yet can read it without pausing it. The messages must say so instead of suggesting root.
 */
@EnabledOnOs(OS.LINUX)
class TracedTargetIT {
    private static final Pattern TRACER_PID = Pattern.compile("(?m)^TracerPid:\\s+(\\d+)$");

    private final RunningProcesses processes = new RunningProcesses();

    @TempDir
    Path work;

    private Process target;
    private Process debugger;

    @BeforeEach
    void startATracedTarget() throws Exception {
        target = processes.startPython(Interpreters.python311().get(0), Interpreters.script("nested.py"));
        // gdb stays attached while its batch command runs; killing the processes ends both.
        debugger = processes.startProgram("gdb", "-p", Long.toString(target.pid()), "-batch", "-ex",
                "shell sleep 300");
        for (int attempt = 0; attempt < 600 && tracerOfTarget() != debugger.pid(); attempt++) {
            Thread.sleep(50);
        }
        assertThat(tracerOfTarget()).as("gdb attached").isEqualTo(debugger.pid());
    }

    @AfterEach
    void stop() throws InterruptedException {
        processes.killAll();
    }

    @Test
    void dumpNamesTheTracerAndSuggestsNonblocking() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.err()).as(result.describe()).isEqualTo("pyspy4j dump: cannot pause process " + target.pid()
                + ": it is already traced by process " + debugger.pid() + " (a debugger or another profiler); try"
                + " --nonblocking, which reads the process without pausing it, or detach the debugger (process "
                + debugger.pid() + ") first\n");
    }

    @Test
    void dumpNonblockingReadsATracedTarget() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--nonblocking", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe()).startsWith("Process " + target.pid() + ": ");
    }

    @Test
    void recordWhoseEverySampleFailedWritesTheFileSaysWhyAndExitsWithOne() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.runCommand(java("record", "-f", "raw", "-o", "traced.txt", "-d", "1",
                "--pid", Long.toString(target.pid())), work);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(work.resolve("traced.txt")).as("the file is written all the same").exists();
        assertThat(result.err()).as(result.describe())
                .containsPattern("pyspy4j> Wrote raw flamegraph data to 'traced.txt'\\. Samples: 0 stacks in"
                        + " ([1-9]\\d*) rounds \\(\\d+\\.\\d rounds/s of 100 asked\\), errors: \\1"
                        + " \\(traced by process "
                        + debugger.pid() + ": \\1\\)\n")
                .endsWith("pyspy4j record: every sample failed: cannot pause process " + target.pid() + ": it is"
                        + " already traced by process " + debugger.pid() + " (a debugger or another profiler); try"
                        + " --nonblocking, which reads the process without pausing it, or detach the debugger"
                        + " (process " + debugger.pid() + ") first\n");
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Pyspy4jJar.java(), "-jar",
                Pyspy4jJar.path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private long tracerOfTarget() throws Exception {
        Matcher matcher = TRACER_PID.matcher(Files.readString(Path.of("/proc/" + target.pid() + "/status")));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
