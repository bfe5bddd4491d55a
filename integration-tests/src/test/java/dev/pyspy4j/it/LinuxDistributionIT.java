// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux distribution on a machine without a JDK: unpacked into an empty directory, its launcher runs with an
 * environment whose {@code PATH} holds only the few tools the launcher itself calls (no {@code java}, which Debian
 * links into /usr/bin) and no {@code JAVA_HOME}.
 */
@EnabledOnOs(OS.LINUX)
class LinuxDistributionIT {
    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path temp;

    private Path launcher;
    private Path lib;

    @BeforeEach
    void unpack() throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("pyspy4j.distribution.archive")).toAbsolutePath();
        assertThat(archive).as("the distribution (run 'mvn verify', which builds it first)").isRegularFile();
        Path unpacked = Files.createDirectory(temp.resolve("unpacked"));
        Pyspy4jJar.Result tar = Pyspy4jJar.runCommand(
                List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()));
        assertThat(tar.exitCode()).as(tar.describe()).isZero();
        Path home = unpacked.resolve(System.getProperty("pyspy4j.distribution.name"));
        launcher = home.resolve("bin/pyspy4j");
        lib = home.resolve("lib");
    }

    @Test
    void dumpRunsOnTheBundledRuntimeWithItsClassCache() throws Exception {
        Path script = Interpreters.script("nested.py");
        Process target = targets.startPython(Interpreters.pyenv("3.11"), script);
        // With Java 25's cache the JVM is made to fail rather than run without it: the cache must hold after
        // unpacking elsewhere. (A Java 17 runtime's AppCDS archive holds only where it was built.) JNA is kept
        // from unpacking its native library from its jar, or from taking the system's: it must load the copy the
        // distribution holds.
        String jnaBundledOnly = "-Djna.nounpack=true -Djna.nosys=true";
        Map<String, String> options = Map.of("PYSPY4J_JAVA_OPTS", Files.exists(lib.resolve("pyspy4j.aot"))
                ? "-XX:AOTMode=on " + jnaBundledOnly : jnaBundledOnly);

        Pyspy4jJar.Result dump = runWithoutJdk(options, "dump", "--pid", Long.toString(target.pid()));

        assertThat(dump.exitCode()).as(dump.describe()).isZero();
        assertThat(dump.err()).as(dump.describe()).isEmpty();
        assertThat(dump.out()).as(dump.describe())
                .contains("Thread " + target.pid() + " (idle): \"MainThread\"\n")
                .contains("    level_three (nested.py:" + ScriptMarkers.of(script).line("level_three") + ")\n");
    }

    @Test
    void dumpCompilesLessUnlessItUnwindsNativeStacks() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("nested.py"));
        String pid = Long.toString(target.pid());
        Map<String, String> printFlags = Map.of("PYSPY4J_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        String scaled = "-XX:CompileThresholdScaling=";

        Pyspy4jJar.Result pythonOnly = runWithoutJdk(printFlags, "dump", "--pid", pid);
        Pyspy4jJar.Result withNative = runWithoutJdk(printFlags, "dump", "--native", "--pid", pid);
        Pyspy4jJar.Result clustered = runWithoutJdk(printFlags, "dump", "-ln", "--pid", pid);

        assertThat(pythonOnly.exitCode()).as(pythonOnly.describe()).isZero();
        assertThat(pythonOnly.out()).as(pythonOnly.describe()).contains(scaled + "10");
        for (Pyspy4jJar.Result nativeRun : List.of(withNative, clustered)) {
            assertThat(nativeRun.exitCode()).as(nativeRun.describe()).isZero();
            assertThat(nativeRun.out()).as(nativeRun.describe()).doesNotContain(scaled).contains("level_three");
        }
    }

    @Test
    void recordOfADeepStackWritesItsFlameGraph() throws Exception {
        // 600 calls deep, sleeping: --idle counts its samples
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("recursion.py"));

        Pyspy4jJar.Result record = runWithoutJdk(Map.of(),
                "record", "-d", "1", "--idle", "-o", "profile.svg", "--pid", Long.toString(target.pid()));

        assertThat(record.exitCode()).as(record.describe()).isZero();
        Path svg = temp.resolve("profile.svg");
        assertThat(svg).isRegularFile();
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("<svg").contains("recurse (recursion.py:");
    }

    @Test
    void theLauncherFoundThroughLinksStartedWithStopSignalsIgnoredStillStopsOnControlC() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("spin_and_sleep.py"));
        // An absolute link to a relative link to the launcher, as a package manager's bin directory may hold.
        Path relative = Files.createSymbolicLink(temp.resolve("unpacked/pyspy4j"), temp.resolve("unpacked")
                .relativize(launcher));
        Path absolute = Files.createSymbolicLink(Files.createDirectories(temp.resolve("links")).resolve("pyspy4j"),
                relative);
        // As a shell script's background job starts: the launcher sees them ignored and has env restore them.
        List<String> command = List.of("/usr/bin/env", "--ignore-signal=INT,TERM", absolute.toString(), "record",
                "--pid", Long.toString(target.pid()), "-d", "600", "-f", "raw", "-o", "linked.txt");
        Path tools = tools();

        try (RecordRun run = RecordRun.startCommand(temp, command, variables -> {
            variables.clear();
            variables.put("PATH", tools.toString());
            variables.put("LC_ALL", "C.UTF-8");
        })) {
            run.awaitErr("Press Control-C to exit.");
            Thread.sleep(1_000);
            run.signal("INT");
            Pyspy4jJar.Result result = run.finish();

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.err()).as(result.describe()).contains("Stopped sampling because Control-C pressed");
        }
        assertThat(RawProfile.read(temp.resolve("linked.txt")).withLeaf("spin")).isPositive();
    }

    /** Runs the launcher in the temporary directory, with only {@code environment} and a PATH without java. */
    private Pyspy4jJar.Result runWithoutJdk(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return LauncherRun.run(launcher, temp, tools(), environment, args);
    }

    /** A directory of the only tools the launcher may call: no java, and nothing else of the machine's. */
    private Path tools() throws IOException {
        return LauncherRun.tools(temp, List.of("readlink", "env"));
    }
}
