// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core gdb's gcore writes of a two-thread CPython 3.11 (pyenv's, with a shared libpython): the threads the
 * program reported, its name and arguments, libpython among the mapped files, every thread's instruction pointer in
 * a mapped file, and {@code Py_Version} read through the core (or, where it left the page out, through the mapped
 * file) equal to the {@code sys.hexversion} the program printed.
 */
class CoreFileIT {
    private static final String SCRIPT = String.join("\n",
            "import sys, threading, time",
            "started = threading.Event()",
            "def worker():",
            "    started.set()",
            "    time.sleep(600)",
            "t = threading.Thread(target=worker)",
            "t.start()",
            "started.wait()",
            "sys.stdout.write('%d %d %d\\n' % (threading.get_native_id(), t.native_id, sys.hexversion))",
            "sys.stdout.flush()",
            "time.sleep(600)");

    private Process python;

    @AfterEach
    void killPython() throws InterruptedException {
        if (python != null) {
            python.destroyForcibly();
            python.waitFor();
        }
    }

    @Test
    void aGcoreOfPythonHasItsThreadsMappedFilesAndMemory(@TempDir Path directory) throws Exception {
        Path executable = pyenvRoot().resolve("versions/3.11.7/bin/python3.11");
        python = new ProcessBuilder(executable.toString(), "-c", SCRIPT).redirectErrorStream(true).start();
        String[] reported = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))
                .readLine().split(" ");
        Process gcore = new ProcessBuilder("gcore", "-o", directory.resolve("core").toString(),
                Long.toString(python.pid())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(gcore.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(gcore.exitValue()).isZero();

        CoreFile core = CoreFile.open(directory.resolve("core." + python.pid()));

        assertThat(core.pid()).isEqualTo(python.pid());
        assertThat(core.threads()).extracting(CoreThread::tid)
                .containsExactlyInAnyOrder(Long.parseLong(reported[0]), Long.parseLong(reported[1]));
        assertThat(core.programName()).isEqualTo("python3.11");
        assertThat(core.arguments()).as("gdb writes the program alone, the kernel its arguments too")
                .startsWith(executable.toString());
        for (CoreThread thread : core.threads()) {
            assertThat(core.mappingAt(thread.generalRegisters()[16])).as("thread %d's rip", thread.tid()).isPresent();
        }
        CoreMapping libpython = core.mappings().stream()
                .filter(mapping -> mapping.path().endsWith("/libpython3.11.so.1.0") && mapping.fileOffset() == 0)
                .findFirst().orElseThrow();
        ElfFile library = ElfFile.open(Path.of(libpython.path()));
        long firstLoad = library.programHeaders().stream().filter(segment -> segment.p_type == ElfConstants.PT_LOAD)
                .mapToLong(segment -> segment.p_vaddr).min().orElseThrow();
        long address = libpython.start() - firstLoad + library.symbol("Py_Version").orElseThrow().st_value;
        assertThat(Integer.toUnsignedLong(readThroughCore(core, address, 4).getInt()))
                .isEqualTo(Long.parseLong(reported[2]));
    }

    /**
     * The core the kernel writes of a 3.11 that aborts ({@code core_pattern} is {@code core} on these machines, so
     * it lands in the working directory): the aborting thread first, with SIGABRT, and the arguments as typed.
     */
    @Test
    void aKernelCoreOfAnAbortedPythonNamesTheSignalAndTheArguments(@TempDir Path directory) throws Exception {
        Path executable = pyenvRoot().resolve("versions/3.11.7/bin/python3.11");
        Process aborting = new ProcessBuilder("sh", "-c", "ulimit -c unlimited && exec \"$0\" -c 'import os; os.abort()'"
                + " --flag", executable.toString()).directory(directory.toFile()).redirectErrorStream(true).start();
        assertThat(aborting.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Optional<Path> written;
        try (Stream<Path> files = Files.list(directory)) {
            written = files.filter(file -> file.getFileName().toString().startsWith("core")).findFirst();
        }
        assertThat(written).as("a core in %s; core_pattern is '%s'", directory,
                Files.readString(Path.of("/proc/sys/kernel/core_pattern")).strip()).isPresent();

        CoreFile core = CoreFile.open(written.get());

        assertThat(core.pid()).isEqualTo(aborting.pid());
        assertThat(core.threads().get(0).signal()).as("SIGABRT").isEqualTo(6);
        assertThat(core.arguments()).isEqualTo(executable + " -c import os; os.abort() --flag");
        assertThat(core.mappings()).anyMatch(mapping -> mapping.path().endsWith("/libpython3.11.so.1.0"));
    }

    /** The bytes as the core dumped them or, for a page it left out, as the mapped file holds them. */
    private static ByteBuffer readThroughCore(CoreFile core, long address, int length) throws IOException {
        if (core.dumped(address, length).isPresent()) {
            return core.dumped(address, length).get().order(ByteOrder.LITTLE_ENDIAN);
        }
        CoreMapping mapping = core.mappingAt(address).orElseThrow();
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel file = FileChannel.open(Path.of(mapping.path()))) {
            file.read(bytes, mapping.fileOffset() + address - mapping.start());
        }
        return bytes.flip();
    }

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isEmpty() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }
}
