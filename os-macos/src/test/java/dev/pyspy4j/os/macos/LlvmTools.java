// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLVM tools (Debian's {@code llvm} package) the tests take their expectations from and build files with, and
 * esbuild's macOS executables from npm, which {@code ./run-tests} installs (no binary is checked in).
 */
final class LlvmTools {
    private static final Path FOREIGN_BINARIES = Path.of(System.getenv().getOrDefault("PYSPY4J_FOREIGN_BINARIES_DIR",
            "/var/cache/pyspy4j/foreign-binaries"));
    private static final Pattern SECTION_ROW = Pattern.compile(
            "^\\s*\\d+\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+\\S*\\s*$");

    /** A section as {@code llvm-objdump --section-headers} lists it. */
    record SectionRow(String name, long size, long address) {
    }

    private LlvmTools() {
    }

    /** esbuild for macOS, {@code darwin-x64} or {@code darwin-arm64}: a real Mach-O executable linked by Go. */
    static Path esbuild(String platform) {
        Path file = FOREIGN_BINARIES.resolve("node_modules/@esbuild/" + platform + "/bin/esbuild");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: ./run-tests installs the npm packages of"
                    + " binaries/src/test/foreign-binaries there, or name another directory with"
                    + " PYSPY4J_FOREIGN_BINARIES_DIR");
        }
        return file;
    }

    /** The {@code vmaddr} of the {@code __TEXT} segment, from {@code llvm-objdump --macho --private-headers}. */
    static long textVmAddress(Path file, String arch) {
        List<String> lines = run("llvm-objdump", "--macho", "--private-headers", "--arch=" + arch, file.toString());
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).trim().equals("segname __TEXT") && lines.get(i + 1).trim().startsWith("vmaddr ")) {
                return Long.decode(lines.get(i + 1).trim().substring("vmaddr ".length()));
            }
        }
        throw new IllegalStateException("no __TEXT segment in " + file);
    }

    /** The first section called {@code name} in {@code llvm-objdump --macho --section-headers}. */
    static SectionRow section(Path file, String arch, String name) {
        for (String line : run("llvm-objdump", "--macho", "--section-headers", "--arch=" + arch, file.toString())) {
            Matcher row = SECTION_ROW.matcher(line);
            if (row.matches() && row.group(1).equals(name)) {
                return new SectionRow(name, Long.parseUnsignedLong(row.group(2), 16),
                        Long.parseUnsignedLong(row.group(3), 16));
            }
        }
        throw new IllegalStateException("no section " + name + " in " + file);
    }

    /** The value {@code llvm-nm} gives a defined symbol, if it lists it. */
    static OptionalLong symbolValue(Path file, String machOName) {
        for (String line : run("llvm-nm", "--defined-only", file.toString())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[2].equals(machOName)) {
                return OptionalLong.of(Long.parseUnsignedLong(fields[0], 16));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A tool Debian installs only beside the others, in LLVM's own directory ({@code llvm-lipo}): found next to
     * where {@code llvm-objdump} on the PATH really lives.
     */
    static String besideObjdump(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path objdump = Path.of(directory.isEmpty() ? "." : directory, "llvm-objdump");
            try {
                if (Files.isExecutable(objdump) && Files.isExecutable(objdump.toRealPath().resolveSibling(name))) {
                    return objdump.toRealPath().resolveSibling(name).toString();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot resolve " + objdump, e);
            }
        }
        throw new IllegalStateException(name + " not found beside llvm-objdump (install Debian's llvm package)");
    }

    /** Runs a tool that must exit 0; its standard output lines. */
    static List<String> run(String... command) {
        try {
            Path errors = Files.createTempFile("llvm", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (Debian package llvm): "
                            + Files.readString(errors));
                }
                return output.lines().toList();
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " could not run (install Debian's llvm package)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command[0] + " interrupted", e);
        }
    }
}
