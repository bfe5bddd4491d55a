// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * gcore leaves code out of the core; the unwind reads it, and the unwind tables, from the mapped files, and must
     * know which mappings held code although the core does not say.
     */
    @ParameterizedTest
    @MethodSource("pythons")
    void aGcoreDumpsTheNativeStackTheLiveProgramShows(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("nested.py"));
        // The core first: the program, asleep by the time gcore stops it, sleeps on when the live dump looks.
        Path core = gcore(target);

        Pyspy4jJar.Result fromCore = DumpCli.run(List.of(), List.of("dump", "--native", "--core", core.toString()));
        Pyspy4jJar.Result live = DumpCli.run(List.of(), List.of("dump", "--native", "--pid",
                Long.toString(target.pid())));

        assertThat(live.exitCode()).as(live.describe()).isZero();
        assertThat(fromCore.exitCode()).as(fromCore.describe()).isZero();
        List<String> liveFrames = frames(live.out());
        assertThat(liveFrames).as(live.describe()).filteredOn(frame -> !frame.contains("(nested.py:"))
                .as("native frames").isNotEmpty();
        assertThat(frames(fromCore.out())).as(fromCore.describe()).isEqualTo(liveFrames);
        assertThat(fromCore.err()).as(fromCore.describe()).isEmpty();
    }

    @Test
    void aLibraryReplacedSinceTheCoreWasMadeIsNotReadAsTheProcesssCode() throws Exception {
        // pyenv's build keeps the select module in a shared library; the program loads a copy of it, which is then
        // overwritten with another extension module, as an upgrade would.
        Path python = Interpreters.pyenv("3.11");
        Path modules = Files.createDirectories(work.resolve("modules"));
        Path select = copyOfExtension(python, "select", modules);
        Path script = Files.writeString(work.resolve("select_waits.py"), String.join("\n", "import sys",
                "sys.path.insert(0, sys.argv[1])", "import select",
                "assert select.__file__.startswith(sys.argv[1]), select.__file__", "def waits():",
                "    sys.stdout.write('ready\\n')", "    sys.stdout.flush()", "    select.select([], [], [], 600)",
                "waits()", ""));
        Process target = targets.startPython(python, script, modules.toString());
        Path core = gcore(target);
        Pyspy4jJar.Result before = DumpCli.run(List.of(), List.of("dump", "--native", "--core", core.toString()));
        Files.copy(copyOfExtension(python, "_json", work), select, StandardCopyOption.REPLACE_EXISTING);

        Pyspy4jJar.Result after = DumpCli.run(List.of(), List.of("dump", "--native", "--core", core.toString()));

        assertThat(frames(before.out())).as(before.describe()).contains("    waits (select_waits.py:8)")
                .anyMatch(frame -> frame.startsWith("    select_select"));
        assertThat(after.exitCode()).as(after.describe()).isZero();
        assertThat(after.out()).as(after.describe()).contains("    waits (select_waits.py:8)")
                .doesNotContain("select_select").doesNotContain("py_encode");
        assertThat(after.err()).as(after.describe()).contains("pyspy4j dump: warning: '" + select
                + "' has changed since the core was made: its code and symbols are not read\n");
    }

    /** The kernel writes a segment for every mapping, code too, so that the permissions come from the core. */
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
        Pyspy4jJar.Result withNative = DumpCli.run(List.of(), List.of("dump", "--native", "--core",
                core.toString()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe())
                .startsWith("Core file: " + core + "\nProcess " + aborting.pid() + ": " + python + " -c import os")
                .endsWith("Thread " + aborting.pid() + " (gil): \"MainThread\"\n"
                        + "    level_two (<string>:3)\n"
                        + "    level_one (<string>:5)\n"
                        + "    <module> (<string>:6)\n");
        assertThat(withNative.exitCode()).as(withNative.describe()).isZero();
        List<String> frames = frames(withNative.out());
        assertThat(frames).as(withNative.describe()).endsWith("    level_two (<string>:3)",
                "    level_one (<string>:5)", "    <module> (<string>:6)");
        assertThat(frames.subList(0, frames.size() - 3)).as(withNative.describe())
                .anyMatch(frame -> frame.startsWith("    abort ("))
                .last().asString().startsWith("    os_abort (");
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
    void aCoreGoesWithNeitherAPidNorSubprocesses() throws Exception {
        Pyspy4jJar.Result both = DumpCli.run(List.of(), List.of("dump", "--core", "core", "--pid", "1"));
        Pyspy4jJar.Result tree = DumpCli.run(List.of(), List.of("dump", "--core", "core", "-s"));

        assertThat(both.exitCode()).as(both.describe()).isEqualTo(2);
        assertThat(both.err()).startsWith("pyspy4j dump: --pid and --core can't be used together");
        assertThat(tree.exitCode()).as(tree.describe()).isEqualTo(2);
        assertThat(tree.err()).startsWith("pyspy4j dump: Subprocesses can't be used for getting stacktraces from"
                + " coredumps");
    }

    /** The frame lines of a dump, threads' headers left out. */
    private static List<String> frames(String dump) {
        return dump.lines().filter(line -> line.startsWith("    ")).toList();
    }

    /** A copy in {@code directory} of the interpreter's extension module {@code name}'s shared library. */
    private static Path copyOfExtension(Path python, String name, Path directory) throws Exception {
        Process find = new ProcessBuilder(python.toString(), "-c", "import " + name + "; print(" + name
                + ".__file__)").redirectErrorStream(true).start();
        String file = new String(find.getInputStream().readAllBytes()).trim();
        assertThat(find.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(file).as("the %s module's file", name).endsWith(".so");
        Path copy = directory.resolve(Path.of(file).getFileName());
        Files.copy(Path.of(file), copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
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
