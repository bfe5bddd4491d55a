// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.List;
import java.util.Optional;

/**
 * The binaries of a target that may hold the interpreter: the program itself (a static build) and, for
 * shared-library builds, the interpreter library its system names: {@code libpythonX.Y.so} on Linux,
 * {@code libpythonX.Y.dylib} or a framework's {@code Python} on macOS, {@code pythonXY.dll} on Windows. Symbols are
 * looked up in the program first, then in the library.
 */
public final class PythonBinaries {
    private final String executable;
    private final BinaryConventions conventions;
    private final Optional<BinaryImage> program;
    private final Optional<BinaryImage> library;

    PythonBinaries(String executable, BinaryConventions conventions, Optional<BinaryImage> program,
                   Optional<BinaryImage> library) {
        this.executable = executable;
        this.conventions = conventions;
        this.program = program;
        this.library = library;
    }

    /** Finds and parses the binaries of {@code target}, named as its operating system names them. */
    public static PythonBinaries find(TargetProcess target) {
        String executable = target.executablePath();
        BinaryConventions conventions = BinaryConventions.of(target.platform());
        Optional<String> libraryPath = libraryPath(target.regions(), conventions);
        Optional<BinaryImage> library = libraryPath.flatMap(target::image);
        Optional<BinaryImage> program;
        try {
            program = target.image(executable);
        } catch (SpyException e) {
            // The program may be an odd launcher; with a libpython mapped we can do without it (as py-spy does).
            if (library.isEmpty() || e.kind() != FailureKind.MALFORMED_INPUT) {
                throw e;
            }
            program = Optional.empty();
        }
        return new PythonBinaries(executable, conventions, program, library);
    }

    private static Optional<String> libraryPath(List<MemoryRegion> regions, BinaryConventions conventions) {
        return regions.stream()
                .filter(MemoryRegion::isFileBacked)
                .map(MemoryRegion::path)
                .filter(conventions::isInterpreterLibrary)
                .findFirst();
    }

    /** The {@code major.minor} the interpreter library's path names, e.g. {@code 3.11}, when it names one. */
    public Optional<String> libraryMinorVersion() {
        return library.flatMap(image -> conventions.minorVersionOf(image.path()));
    }

    /** How the target's system names binaries and sections. */
    BinaryConventions conventions() {
        return conventions;
    }

    /** The first binary defining {@code name}, program before library. */
    public Optional<BinaryImage.Symbol> symbol(String name) {
        Optional<BinaryImage.Symbol> found = program.flatMap(image -> image.symbol(name));
        return found.isPresent() ? found : library.flatMap(image -> image.symbol(name));
    }

    /** The binary that holds the interpreter: the one that defines {@code _PyRuntime}/{@code interp_head}. */
    public String interpreterBinaryPath() {
        for (String marker : List.of("_PyRuntime", "interp_head", "Py_Version")) {
            if (program.flatMap(image -> image.symbol(marker)).isPresent()) {
                return executable;
            }
        }
        return library.map(BinaryImage::path).orElse(executable);
    }

    public String executable() {
        return executable;
    }

    public boolean hasLibrary() {
        return library.isPresent();
    }

    public Optional<BinaryImage> program() {
        return program;
    }

    public Optional<BinaryImage> library() {
        return library;
    }
}
