// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interpreters in processes that are not a program called python: a C program embedding libpython (shared, and
 * linked in, where only the program's own symbols tell), a process that renamed itself as pre-forking servers' workers
 * do, a virtual environment's symlinked {@code bin/python}, and Debian's stripped, static interpreter copied under
 * another name. Discovery reads the memory map and the binaries' symbols, never names: each dumps its exact stack.
 */
@EnabledOnOs(OS.LINUX)
class InterpretersNotCalledPythonIT {
    private static final long BUILD_TIMEOUT_SECONDS = 180;

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @Test
    void aProgramEmbeddingTheSharedLibpythonDumpsItsScript() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        String libraries = sysconfig(python, "LIBDIR");
        Path embedder = buildEmbedder("scripting-host", List.of(includeFlag(python), "-L" + libraries,
                "-Wl,-rpath," + libraries, "-lpython3.11"));

        Process target = startEmbedded(embedder);

        assertThat(Files.readString(Path.of("/proc", Long.toString(target.pid()), "maps")))
                .as("the program maps libpython").contains("libpython3.11.so");
        assertDumpShowsNestedCalls(target);
    }

    @Test
    void aProgramWithLibpythonLinkedInDumpsAndRecordsItsScript() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        Path staticLibrary = Path.of(sysconfig(python, "LIBPL"), sysconfig(python, "LIBRARY"));
        assertThat(staticLibrary).as("pyenv's static libpython").isRegularFile();
        // -E exports libpython's symbols to the extension modules the script imports.
        Path embedder = buildEmbedder("game-server", List.of(includeFlag(python), staticLibrary.toString(), "-Wl,-E",
                "-lm", "-ldl", "-lpthread", "-lutil"));

        Process target = startEmbedded(embedder);

        assertThat(Files.readString(Path.of("/proc", Long.toString(target.pid()), "maps")))
                .as("no libpython is mapped").doesNotContain("libpython");
        assertDumpShowsNestedCalls(target);
        Path output = work.resolve("profile.txt");
        Pyspy4jJar.Result record = RecordRun.run(work, "-d", "1", "-r", "50", "--idle", "-f", "raw", "-o",
                output.toString(), "--pid", Long.toString(target.pid()));
        assertThat(record.exitCode()).as(record.describe()).isZero();
        RawProfile profile = RawProfile.read(output);
        assertThat(profile.withLeaf("level_three")).as("%s%n%s", record.describe(), profile).isGreaterThan(10)
                .isEqualTo(profile.total());
    }

    @Test
    void aProcessThatRenamedItselfDumpsItsStack() throws Exception {
        Path script = Files.writeString(work.resolve("worker.py"), String.join("\n",
                "import ctypes",
                "import sys",
                "import time",
                "",
                "ctypes.CDLL(None).prctl(15, b'worker-1', 0, 0, 0)  # PR_SET_NAME",
                "",
                "",
                "def serve():",
                "    sys.stdout.write('ready\\n')",
                "    sys.stdout.flush()",
                "    time.sleep(600)",
                "",
                "",
                "serve()",
                ""));
        // exec -a: the program's argv[0] is the server's word for its workers, not a path to python.
        Process target = targets.startUntilReady(new ProcessBuilder("bash", "-c",
                "exec -a 'gunicorn: worker [app]' \"$0\" \"$@\"", Interpreters.pyenv("3.11").toString(),
                script.toString()));

        String pid = Long.toString(target.pid());
        assertThat(Files.readString(Path.of("/proc", pid, "comm"))).isEqualTo("worker-1\n");
        assertThat(Files.readString(Path.of("/proc", pid, "cmdline"))).startsWith("gunicorn: worker [app]\0");
        Pyspy4jJar.Result dump = DumpCli.run(List.of(), List.of("dump", "--pid", pid));
        assertThat(dump.exitCode()).as(dump.describe()).isZero();
        assertThat(dump.out()).as(dump.describe())
                .startsWith("Process " + pid + ": gunicorn: worker [app] " + script + "\n")
                .endsWith("    serve (worker.py:11)\n    <module> (worker.py:14)\n");
    }

    @Test
    void aVirtualEnvironmentsSymlinkedPythonDumpsItsScript() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        Path venv = work.resolve("venv");
        Process create = new ProcessBuilder(python.toString(), "-m", "venv", "--without-pip", venv.toString())
                .redirectErrorStream(true).start();
        String log = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(create.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(create.exitValue()).as(log).isZero();
        assertThat(venv.resolve("bin/python")).as("the venv's python is a link").isSymbolicLink();

        Process target = targets.startPython(venv.resolve("bin/python"), Interpreters.script("nested.py"));

        assertDumpShowsNestedCalls(target);
    }

    @Test
    void aStrippedStaticInterpreterUnderAnotherNameDumpsItsScript() throws Exception {
        Path debian = Interpreters.debian("3.11");
        Interpreters.requireInstalled(debian);
        Path renamed = work.resolve("appserver");
        Files.copy(debian, renamed);
        renamed.toFile().setExecutable(true);
        Process readelf = new ProcessBuilder("readelf", "-S", "-W", renamed.toString()).redirectErrorStream(true)
                .start();
        String sections = new String(readelf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(readelf.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sections).as("Debian's interpreter is stripped").contains(".dynsym").doesNotContain(".symtab");

        Process target = targets.startUntilReady(new ProcessBuilder(renamed.toString(),
                Interpreters.script("nested.py").toString()));

        assertDumpShowsNestedCalls(target);
    }

    private Process startEmbedded(Path embedder) throws IOException, InterruptedException {
        Path nested = Interpreters.script("nested.py");
        ProcessBuilder builder = new ProcessBuilder(embedder.toString(), nested.toString());
        // An embedded interpreter puts no script directory on sys.path; nested.py imports its neighbour.
        builder.environment().put("PYTHONPATH", nested.getParent().toString());
        return targets.startUntilReady(builder);
    }

    private static void assertDumpShowsNestedCalls(Process target) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(Interpreters.script("nested.py"));
        Pyspy4jJar.Result dump = DumpCli.run(List.of(), List.of("dump", "--pid", Long.toString(target.pid())));
        assertThat(dump.exitCode()).as(dump.describe()).isZero();
        assertThat(dump.out()).as(dump.describe()).endsWith("\"MainThread\"\n"
                + "    level_three (nested.py:" + markers.line("level_three") + ")\n"
                + "    level_two (nested.py:" + markers.line("level_two") + ")\n"
                + "    level_one (nested.py:" + markers.line("level_one") + ")\n"
                + "    <module> (nested.py:" + markers.line("<module>") + ")\n");
    }

    private Path buildEmbedder(String name, List<String> flags) throws IOException, InterruptedException {
        Path source = Path.of(System.getProperty("pyspy4j.embedder", "target/test-classes/embedder/embedder.c"))
                .toAbsolutePath();
        Path program = work.resolve(name);
        List<String> command = new ArrayList<>(List.of("gcc", "-o", program.toString(), source.toString()));
        command.addAll(flags);
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(gcc.exitValue()).as(String.join(" ", command) + "\n" + log).isZero();
        return program;
    }

    private static String includeFlag(Path python) throws IOException, InterruptedException {
        return "-I" + ask(python, "import sysconfig; print(sysconfig.get_paths()['include'])");
    }

    private static String sysconfig(Path python, String variable) throws IOException, InterruptedException {
        return ask(python, "import sysconfig; print(sysconfig.get_config_var('" + variable + "') or '')");
    }

    private static String ask(Path python, String code) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python.toString(), "-c", code).redirectErrorStream(true).start();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(answer).isZero();
        return answer;
    }
}
