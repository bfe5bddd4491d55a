// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Coroutines run by an asyncio event loop appear in the profile as frames, the awaiting one above the awaited. */
@EnabledOnOs(OS.LINUX)
class RecordAsyncioIT {
    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.withAsyncio();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void theComputingCoroutineAndItsAwaiterAreInTheProfile(Path python) throws Exception {
        Path script = Interpreters.script("coroutines.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "asyncio.txt", "-d", "2", "-r", "200");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("asyncio.txt"));
        String crunch = "crunch (coroutines.py:" + markers.line("crunch") + ")";
        String worker = "worker (coroutines.py:" + markers.line("worker") + ")";
        long computing = profile.count(stack -> stack.size() >= 2 && stack.get(stack.size() - 1).equals(crunch)
                && stack.get(stack.size() - 2).equals(worker));
        // The coroutine computes for 50 ms between 1 ms sleeps: nearly every sample is in it.
        assertThat((double) computing).as(profile.toString()).isGreaterThan(0.8 * profile.total());
        assertThat(profile.stacks().keySet()).as(profile.toString())
                .allSatisfy(stack -> assertThat(stack.get(0)).startsWith("<module> (coroutines.py:"));
    }
}
