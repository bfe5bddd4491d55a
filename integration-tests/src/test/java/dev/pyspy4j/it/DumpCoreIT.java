// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump --core}: the core gdb's gcore writes of a program in nested calls, on every interpreter, dumps as the
 * live program did (the thread, its name and OS id, the exact lines), with the core file named first and no thread
 * activity claimed; bad cores and flags get one line.
 */
@EnabledOnOs(OS.LINUX)
class DumpCoreIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aGcoreOfNestedCallsDumpsAsTheLiveProgramDid(Path python) throws Exception {
        Path nested = Interpreters.script("nested.py");
        ScriptMarkers markers = ScriptMarkers.of(nested);
        Process target = targets.startPython(python, nested);
        Path core = gcore(target);

        Pyspy4jJar.Result result = DumpCli.run(List.of(), List.of("dump", "--core", core.toString()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe())
                .startsWith("Core file: " + core + "\nProcess " + target.pid() + ": ")
                .contains("\nPython v" + Interpreters.versionOf(python) + " (" + Interpreters.executableOf(python)
                        + ")\n\n")
                .endsWith("Thread " + target.pid() + ": \"MainThread\"\n"
                        + "    level_three (nested.py:" + markers.line("level_three") + ")\n"
                        + "    level_two (nested.py:" + markers.line("level_two") + ")\n"
                        + "    level_one (nested.py:" + markers.line("level_one") + ")\n"
                        + "    <module> (nested.py:" + markers.line("<module>") + ")\n");
    }

    @Test
    void theKernelsCoreOfAnAbortedProgramShowsWhereItAbortedHoldingTheGil() throws Exception {
        Path python = Interpreters.python311().get(0);
        String program = String.join("\n", "import os", "def level_two():", "    os.abort()", "def level_one():",
                "    level_two()", "level_one()");
        // core_pattern is "core" on these machines: the kernel writes the core into the working directory.
        Process aborting = new ProcessBuilder("sh", "-c", "ulimit -c unlimited && exec \"$0\" -c \"$1\"",
                python.toString(), program).directory(work.toFile()).redirectErrorStream(true).start();
        assertThat(aborting.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path core = work.resolve(Files.exists(work.resolve("core")) ? "core" : "core." + aborting.pid());

        Pyspy4jJar.Result result = DumpCli.run(List.of(), List.of("dump", "--core", core.toString()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe())
                .startsWith("Core file: " + core + "\nProcess " + aborting.pid() + ": " + python + " -c import os")
                .endsWith("Thread " + aborting.pid() + " (gil): \"MainThread\"\n"
                        + "    level_two (<string>:3)\n"
                        + "    level_one (<string>:5)\n"
                        + "    <module> (<string>:6)\n");
    }

    @Test
    void aCoreThatIsMissingOrNotACoreIsOneLine() throws Exception {
        Pyspy4jJar.Result missing = DumpCli.run(List.of(), List.of("dump", "--core", work.resolve("none").toString()));
        Path notACore = Path.of(Interpreters.executableOf(Interpreters.python311().get(0)));
        Pyspy4jJar.Result program = DumpCli.run(List.of(), List.of("dump", "--core", notACore.toString()));

        assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("pyspy4j dump: cannot read core file '" + work.resolve("none")
                + "': no such file\n");
        assertThat(program.exitCode()).as(program.describe()).isEqualTo(1);
        assertThat(program.err()).startsWith("pyspy4j dump: cannot read core file '" + notACore
                + "': it is an ELF file, but not a core file");
    }

    @Test
    void aCoreGoesWithNeitherAPidNorSubprocessesNorNativeStacks() throws Exception {
        Pyspy4jJar.Result both = DumpCli.run(List.of(), List.of("dump", "--core", "core", "--pid", "1"));
        Pyspy4jJar.Result tree = DumpCli.run(List.of(), List.of("dump", "--core", "core", "-s"));
        Pyspy4jJar.Result withNative = DumpCli.run(List.of(), List.of("dump", "--core", "core", "--native"));

        assertThat(both.exitCode()).as(both.describe()).isEqualTo(2);
        assertThat(both.err()).startsWith("pyspy4j dump: --pid and --core can't be used together");
        assertThat(tree.exitCode()).as(tree.describe()).isEqualTo(2);
        assertThat(tree.err()).startsWith("pyspy4j dump: Subprocesses can't be used for getting stacktraces from"
                + " coredumps");
        assertThat(withNative.exitCode()).as(withNative.describe()).isEqualTo(2);
        assertThat(withNative.err()).startsWith("pyspy4j dump: Native unwinding isn't yet supported with coredumps");
    }

    private Path gcore(Process target) throws Exception {
        Process gcore = new ProcessBuilder("gcore", "-o", work.resolve("core").toString(),
                Long.toString(target.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gcore.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(gcore.exitValue()).isZero();
        return work.resolve("core." + target.pid());
    }
}
