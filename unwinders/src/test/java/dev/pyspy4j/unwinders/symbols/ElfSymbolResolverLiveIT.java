// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against sleeping Python processes: addresses computed from readelf's symbol values and the bias the
 * memory map shows (the mapping at file offset 0 minus the first PT_LOAD's page-aligned address) come back with the
 * function's name and the binary's path; the vDSO, which has no file, is named from the process's memory.
 */
class ElfSymbolResolverLiveIT {
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3.11");
    private static final long PAGE = 4096;

    @TempDir
    Path directory;

    @Test
    void namesPyEvalEvalCodeInDebiansPython() throws Exception {
        requireExecutable(DEBIAN_PYTHON, "the Debian package python3.11");
        Process python = sleepingPython(DEBIAN_PYTHON);
        try {
            ProcFsTarget target = new ProcFsTarget(python.pid());
            Readelf.Function evalCode = Readelf.function(DEBIAN_PYTHON, "PyEval_EvalCode");
            long address = bias(target, DEBIAN_PYTHON.toString(), DEBIAN_PYTHON) + evalCode.value()
                    + evalCode.size() / 2;
            try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
                assertThat(resolver.resolve(address)).isEqualTo(new NativeSymbol(address, DEBIAN_PYTHON.toString(),
                        "PyEval_EvalCode", "PyEval_EvalCode", null, 0));
                assertThat(resolver.resolve(0x10)).isEqualTo(NativeSymbol.unnamed(0x10, null));
            }
        } finally {
            stop(python);
        }
    }

    @Test
    void namesTheVdsoFromTheProcessMemory() throws Exception {
        requireExecutable(DEBIAN_PYTHON, "the Debian package python3.11");
        Process python = sleepingPython(DEBIAN_PYTHON);
        try {
            ProcFsTarget target = new ProcFsTarget(python.pid());
            MemoryRegion vdso = target.regions().stream().filter(region -> region.path().equals("[vdso]"))
                    .findFirst().orElseThrow(() -> new AssertionError("no [vdso] in the map of " + python.pid()));
            Path image = Files.write(directory.resolve("vdso.so"),
                    target.memory().readBytes(vdso.start(), (int) vdso.size()));
            Readelf.Function clockGettime = Readelf.function(image, "__vdso_clock_gettime");
            long address = vdso.start() - pageDown(Readelf.firstLoadAddress(image)) + clockGettime.value() + 1;
            try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
                NativeSymbol symbol = resolver.resolve(address);
                assertThat(symbol.module()).isEqualTo("[vdso]");
                assertThat(symbol.function()).isIn(Readelf.namesAt(image, clockGettime.value()));
                assertThat(symbol.function()).matches("__vdso_.*|clock_gettime");
            }
        } finally {
            stop(python);
        }
    }

    @Test
    void namesFunctionsOfSharedLibrariesAtTheirLoadBias() throws Exception {
        Path pyenvPython = pyenvRoot().resolve("versions/3.11.7/bin/python3.11");
        requireExecutable(pyenvPython, "pyenv's CPython 3.11.7 (pyenv install 3.11.7, built with --enable-shared)");
        Process python = sleepingPython(pyenvPython);
        try {
            ProcFsTarget target = new ProcFsTarget(python.pid());
            String libpython = mappedPath(target, "libpython3.11.so");
            String libc = mappedPath(target, "/libc.so.6");
            try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
                Readelf.Function evalCode = Readelf.function(Path.of(libpython), "PyEval_EvalCode");
                long evalCodeAddress = bias(target, libpython, Path.of(libpython)) + evalCode.value();
                assertThat(resolver.resolve(evalCodeAddress)).isEqualTo(new NativeSymbol(evalCodeAddress, libpython,
                        "PyEval_EvalCode", "PyEval_EvalCode", null, 0));

                Readelf.Function sleep = Readelf.function(Path.of(libc), "clock_nanosleep");
                long sleepAddress = bias(target, libc, Path.of(libc)) + sleep.value() + sleep.size() - 1;
                NativeSymbol symbol = resolver.resolve(sleepAddress);
                assertThat(symbol.module()).isEqualTo(libc);
                assertThat(symbol.function()).isIn(Readelf.namesAt(Path.of(libc), sleep.value()));
            }
        } finally {
            stop(python);
        }
    }

    /** The run-time address of file address 0: where offset 0 is mapped minus the page of the first PT_LOAD. */
    private static long bias(ProcFsTarget target, String pathInTarget, Path file) {
        MemoryRegion first = target.regions().stream()
                .filter(region -> region.path().equals(pathInTarget) && region.fileOffset() == 0)
                .findFirst().orElseThrow(() -> new AssertionError(pathInTarget + " is not mapped at offset 0"));
        return first.start() - pageDown(Readelf.firstLoadAddress(file));
    }

    private static String mappedPath(ProcFsTarget target, String fragment) {
        return target.regions().stream().map(MemoryRegion::path).filter(path -> path.contains(fragment))
                .findFirst().orElseThrow(() -> new AssertionError("no mapping of " + fragment));
    }

    private static Process sleepingPython(Path python) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python.toString(), "-c",
                "import time; print('ready', flush=True); time.sleep(600)")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            stop(process);
            throw e;
        }
        if (!"ready".equals(line)) {
            stop(process);
            throw new AssertionError(python + " did not start: it printed " + line);
        }
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " did not exit after SIGKILL");
        }
    }

    private static void requireExecutable(Path program, String whatToInstall) {
        if (!Files.isExecutable(program)) {
            throw new AssertionError(program + " is missing; install " + whatToInstall);
        }
    }

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isEmpty() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    private static long pageDown(long value) {
        return value & -PAGE;
    }
}
