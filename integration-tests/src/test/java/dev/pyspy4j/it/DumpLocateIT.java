// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interpreter found by scanning the binaries' data sections ({@code -Dpyspy4j.python.locate=scan}, which ignores
 * symbol tables: the way into stripped builds) is the one the symbols point to: the same threads with the same ids,
 * names, states, frames and lines, on every interpreter (the GIL holder aside up to 3.6).
 */
@EnabledOnOs(OS.LINUX)
class DumpLocateIT {
    private static final String SCAN = "pyspy4j.python.locate=scan";

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path temp;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void scanningFindsTheInterpreterTheSymbolsName(Path python) throws Exception {
        Path identities = temp.resolve("identities.json");
        Process target = targets.startPython(python, Interpreters.script("threads.py"), identities.toString());

        Pyspy4jJar.Result bySymbols = DumpCli.dump(target, "--json");
        Pyspy4jJar.Result byScan = DumpCli.dumpWithProperties(List.of(SCAN), target, "--json");

        assertThat(bySymbols.exitCode()).as(bySymbols.describe()).isZero();
        assertThat(byScan.exitCode()).as(byScan.describe()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(bySymbols.out());
        JsonNode scanned = json.readTree(byScan.out());
        assertThat(expected).as("threads found through the symbols")
                .hasSize(ThreadIdentity.read(identities).size());
        if (!PythonRelease.of(python).atLeast(3, 7)) {
            withoutGilOwnership(expected);
            withoutGilOwnership(scanned);
        }
        assertThat(scanned).as(byScan.out()).isEqualTo(expected);
        assertThat(byScan.err()).isEqualTo(bySymbols.err());
    }

    /**
     * Up to 3.6 the GIL holder is known only from the {@code _PyThreadState_Current} variable, which nothing in the
     * interpreter points to: without symbols (as with py-spy) nobody is seen holding the GIL.
     */
    private static void withoutGilOwnership(JsonNode traces) {
        traces.forEach(trace -> ((ObjectNode) trace).remove("owns_gil"));
    }
}
