// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import dev.pyspy4j.binaries.elf.ExternalTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the Mach-O and PE tests find real binaries: esbuild's macOS and Windows executables, which {@code ./run-tests}
 * installs from npm (pinned by {@code src/test/foreign-binaries/package-lock.json}) under
 * {@code $PYSPY4J_FOREIGN_BINARIES_DIR} (default {@code /var/cache/pyspy4j/foreign-binaries}), and the checked-in
 * fixtures. A missing executable fails the test with how to install it.
 */
public final class ForeignBinaries {
    private static final Path DIR = Path.of(System.getenv().getOrDefault("PYSPY4J_FOREIGN_BINARIES_DIR",
            "/var/cache/pyspy4j/foreign-binaries"));
    public static final String MACHO_X86_64 = "macho/macos_x86_64_pyruntime.o";
    public static final String MACHO_ARM64 = "macho/macos_arm64_pyruntime.o";
    /** {@code llvm-lipo -create} of {@link #MACHO_X86_64} and {@link #MACHO_ARM64}. */
    public static final String MACHO_UNIVERSAL = "macho/macos_universal_pyruntime.o";
    public static final String PE_DLL = "pe/windows_x86_64_pyruntime.dll";

    private ForeignBinaries() {
    }

    /** esbuild for macOS on Intel: a 64-bit x86_64 Mach-O executable built by Go's linker. */
    public static Path esbuildDarwinX64() {
        return installed("@esbuild/darwin-x64/bin/esbuild");
    }

    /** esbuild for macOS on Apple silicon: a 64-bit arm64 Mach-O executable. */
    public static Path esbuildDarwinArm64() {
        return installed("@esbuild/darwin-arm64/bin/esbuild");
    }

    /** esbuild for 64-bit Windows: a PE32+ executable. */
    public static Path esbuildWin32X64() {
        return installed("@esbuild/win32-x64/esbuild.exe");
    }

    private static Path installed(String relative) {
        Path file = DIR.resolve("node_modules").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: ./run-tests installs the npm packages of"
                    + " binaries/src/test/foreign-binaries there (npm ci --force), or name another directory with"
                    + " PYSPY4J_FOREIGN_BINARIES_DIR");
        }
        return file;
    }

    public static byte[] fixtureBytes(String name) {
        try (InputStream in = ForeignBinaries.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture into {@code directory} so that the tools can read it as a file. */
    public static Path fixtureFile(String name, Path directory) {
        try (InputStream in = ForeignBinaries.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            Path file = directory.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An LLVM tool that Debian installs only with a version suffix on the PATH ({@code llvm-lipo-14}): the one beside
     * the real file of {@code llvm-readobj}, in LLVM's own bin directory.
     */
    public static String llvmTool(String name) {
        ExternalTool.requireOnPath("llvm-readobj");
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            Path readobj = Path.of(directory.isEmpty() ? "." : directory, "llvm-readobj");
            if (Files.isExecutable(readobj)) {
                try {
                    Path tool = readobj.toRealPath().resolveSibling(name);
                    if (Files.isExecutable(tool)) {
                        return tool.toString();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no " + name + " beside llvm-readobj; install the Debian package 'llvm'");
    }
}
