// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * py-spy's rules for the binaries of a macOS Python: the program itself, when an executable region maps it, and the
 * interpreter library, the first executable region of either a {@code libpythonX.Y.dylib} ({@code .so} too, with
 * the ABI letters {@code m}, {@code d}, {@code u}, and the {@code t} of free-threaded builds, which py-spy's pattern
 * misses) or a framework's {@code Python} (e.g. {@code /Library/Frameworks/Python.framework/Versions/3.12/Python}),
 * though not the {@code Python} launcher inside {@code Python.app}, which only starts the framework's. Symbols are
 * looked up in the program first.
 */
final class PythonImageLocator {
    private static final Pattern LIBPYTHON = Pattern.compile("/libpython\\d\\.\\d\\d?[dmtu]*\\.(dylib|so)$");

    /** The paths of the program (when mapped) and of the interpreter library (when one is mapped). */
    record PythonPaths(Optional<String> program, Optional<String> library) {
        List<String> inLookupOrder() {
            return java.util.stream.Stream.concat(program.stream(), library.stream()).toList();
        }
    }

    private PythonImageLocator() {
    }

    static PythonPaths locate(String executablePath, List<MemoryRegion> regions) {
        Optional<String> program = regions.stream()
                .filter(region -> region.isExecutable() && region.path().equals(executablePath))
                .map(MemoryRegion::path).findFirst();
        Optional<String> library = regions.stream()
                .filter(region -> region.isExecutable() && isInterpreterLibrary(region.path()))
                .map(MemoryRegion::path).findFirst();
        return new PythonPaths(program, library);
    }

    static boolean isInterpreterLibrary(String path) {
        return LIBPYTHON.matcher(path).find() || isPythonFramework(path);
    }

    static boolean isPythonFramework(String path) {
        return path.endsWith("/Python") && !path.contains("Python.app");
    }
}
