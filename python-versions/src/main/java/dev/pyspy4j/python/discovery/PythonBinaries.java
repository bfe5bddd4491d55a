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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binaries of a target that may hold the interpreter: the program itself and, for shared-library builds,
 * {@code libpythonX.Y.so}. Symbols are looked up in the program first, then in the library.
 */
public final class PythonBinaries {
    /** {@code libpython3.11.so.1.0}, {@code libpython3.6m.so}, {@code libpython2.7.so}, not {@code libboost_python}. */
    private static final Pattern LIBPYTHON = Pattern.compile("libpython(\\d)\\.(\\d+)[dmut]*\\.so(\\.[\\d.]+)?");

    private final String executable;
    private final Optional<BinaryImage> program;
    private final Optional<BinaryImage> library;

    PythonBinaries(String executable, Optional<BinaryImage> program, Optional<BinaryImage> library) {
        this.executable = executable;
        this.program = program;
        this.library = library;
    }

    /** Finds and parses the binaries of {@code target}. */
    public static PythonBinaries find(TargetProcess target) {
        String executable = target.executablePath();
        Optional<String> libraryPath = libpythonPath(target.regions());
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
        return new PythonBinaries(executable, program, library);
    }

    static Optional<String> libpythonPath(List<MemoryRegion> regions) {
        return regions.stream()
                .filter(MemoryRegion::isFileBacked)
                .filter(r -> LIBPYTHON.matcher(baseName(r.path())).matches())
                .map(MemoryRegion::path)
                .findFirst();
    }

    /** The {@code major.minor} in a libpython file name, e.g. {@code 3.11}. */
    public Optional<String> libraryMinorVersion() {
        return library.map(image -> {
            Matcher m = LIBPYTHON.matcher(baseName(image.path()));
            return m.matches() ? m.group(1) + "." + m.group(2) : null;
        });
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

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
