// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.it.DumpText.DumpedThread;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --tid} and {@code --threads-matching} on every interpreter, against the named threads of
 * {@code threads.py}: only the selected threads are dumped and recorded, whether the interpreter records OS thread
 * ids (3.11+) or they come from the threads' {@code pthread_t}; a malformed selection is one line and exit code 2.
 */
@EnabledOnOs(OS.LINUX)
class ThreadSelectionIT {
    private final RunningProcesses targets = new RunningProcesses();
    private final Path script = Interpreters.script("threads.py");

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
    void dumpShowsOnlyTheSelectedThreads(Path python) throws Exception {
        Path identityFile = temp.resolve("identities.json");
        Process target = targets.startPython(python, script, identityFile.toString());
        Map<String, ThreadIdentity> identities = ThreadIdentity.byName(ThreadIdentity.read(identityFile));
        long waiter = identities.get("Waiter").tid();
        long main = identities.get("MainThread").tid();

        Pyspy4jJar.Result byName = DumpCli.dump(target, "--threads-matching", "^Sleeper-");
        Pyspy4jJar.Result byId = DumpCli.dump(target, "--tid", waiter + "," + main);
        Pyspy4jJar.Result both = DumpCli.dump(target, "--tid", Long.toString(waiter), "--threads-matching", "Sleep");

        assertThat(byName.exitCode()).as(byName.describe()).isZero();
        assertThat(DumpText.threads(byName.out())).extracting(DumpedThread::name).as(byName.out())
                .containsExactly("Sleeper-1", "Sleeper-2");
        assertThat(byId.exitCode()).as(byId.describe()).isZero();
        assertThat(DumpText.threads(byId.out())).extracting(DumpedThread::id).as(byId.out())
                .containsExactly(Long.toString(main), Long.toString(waiter));
        assertThat(both.exitCode()).as(both.describe()).isZero();
        assertThat(DumpText.threads(both.out())).as(both.out()).isEmpty();
    }

    @Test
    void recordSamplesOnlyTheSelectedThreads() throws Exception {
        Path identityFile = temp.resolve("identities.json");
        Process target = targets.startPython(Interpreters.pyenv("3.11"), script, identityFile.toString());
        Path output = temp.resolve("profile.txt");

        Pyspy4jJar.Result record = RecordRun.run(temp, "-d", "2", "-r", "50", "--idle", "-f", "raw", "-o",
                output.toString(), "--threads-matching", "Sleeper|Waiter", "--pid", Long.toString(target.pid()));

        assertThat(record.exitCode()).as(record.describe()).isZero();
        RawProfile profile = RawProfile.read(output);
        assertThat(profile.withLeaf("sleeper") + profile.withFunction("waiter")).as("%s", profile)
                .isEqualTo(profile.total()).isGreaterThanOrEqualTo(3);
        assertThat(profile.withFunction("busy")).as("%s", profile).isZero();
    }

    @Test
    void aMalformedSelectionIsOneLine() throws Exception {
        Pyspy4jJar.Result regex = DumpCli.run(List.of(), List.of("dump", "--pid", "1", "--threads-matching", "(a"));
        Pyspy4jJar.Result id = DumpCli.run(List.of(), List.of("dump", "--pid", "1", "--tid", "0"));

        assertThat(regex.exitCode()).as(regex.describe()).isEqualTo(2);
        assertThat(regex.err()).startsWith("pyspy4j dump: --threads-matching '(a' is not a regular expression: ");
        assertThat(id.exitCode()).as(id.describe()).isEqualTo(2);
        assertThat(id.err()).startsWith("pyspy4j dump: --tid takes thread ids above 0, not 0;");
    }
}
