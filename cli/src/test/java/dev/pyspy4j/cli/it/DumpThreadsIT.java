// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.cli.it.DumpText.DumpedFrame;
import dev.pyspy4j.cli.it.DumpText.DumpedThread;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dump} of a process with named threads: names, idle or running, and where each one is. */
@EnabledOnOs(OS.LINUX)
class DumpThreadsIT {
    private final RunningProcesses targets = new RunningProcesses();

    static List<Path> pythons() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void eachThreadHasItsNameStateAndLeafFrame(Path python) throws Exception {
        Path script = Interpreters.script("threads.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<DumpedThread> threads = DumpText.threads(result.out());
        assertThat(threads).extracting(DumpedThread::name)
                .containsExactlyInAnyOrder("MainThread", "BusyWorker", "Sleeper-1", "Sleeper-2", "Waiter");
        assertThat(threads.get(0).name()).as("main thread first").isEqualTo("MainThread");
        assertThat(threads.get(0).id()).isEqualTo(Long.toString(target.pid()));
        Map<String, DumpedThread> byName = threads.stream()
                .collect(Collectors.toMap(DumpedThread::name, Function.identity()));

        assertThat(byName.get("BusyWorker").status()).as(result.out()).isEqualTo("active+gil");
        assertThat(byName.get("BusyWorker").frames().get(0))
                .isEqualTo(new DumpedFrame("busy", "threads.py", markers.line("busy")));
        for (String sleeper : List.of("Sleeper-1", "Sleeper-2")) {
            assertThat(byName.get(sleeper).status()).as(result.out()).isEqualTo("idle");
            assertThat(byName.get(sleeper).frames().get(0))
                    .isEqualTo(new DumpedFrame("sleeper", "threads.py", markers.line("sleeper")));
        }
        assertThat(byName.get("Waiter").status()).as(result.out()).isEqualTo("idle");
        assertThat(byName.get("Waiter").frames().get(0)).satisfies(frame -> {
            assertThat(frame.function()).isEqualTo("wait");
            assertThat(frame.file()).isEqualTo("threading.py");
        });
        assertThat(byName.get("Waiter").frames())
                .contains(new DumpedFrame("waiter", "threads.py", markers.line("waiter")));
        assertThat(byName.get("MainThread").status()).as(result.out()).isEqualTo("idle");
        assertThat(byName.get("MainThread").frames())
                .containsExactly(new DumpedFrame("<module>", "threads.py", markers.line("<module>")));
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void everyThreadHeaderNamesItsOsThread(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("threads.py"));

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<String> tids = TaskIds.of(target.pid());
        assertThat(DumpText.threads(result.out())).extracting(DumpedThread::id)
                .allSatisfy(id -> assertThat(tids).contains(id));
    }
}
