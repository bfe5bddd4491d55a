// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed C headers of one CPython build: its include directory, an optional separate directory holding
 * {@code pyconfig.h} (Debian splits it out per architecture), the {@code PY_VERSION} of {@code patchlevel.h} and
 * whether {@code pyconfig.h} makes it a free-threaded build ({@code Py_GIL_DISABLED}, whose object header and
 * several structs differ, so that it gets a table of its own).
 */
record HeaderSet(String pythonVersion, Path includeDir, Optional<Path> configDir, boolean freeThreaded) {
    private static final Pattern PY_VERSION = Pattern.compile("#define\\s+PY_VERSION\\s+\"([^\"]+)\"");
    private static final Pattern GIL_DISABLED = Pattern.compile("(?m)^#define\\s+Py_GIL_DISABLED\\s+1\\s*$");

    /** Public headers that {@code Python.h} does not include in every version (2.7 lacks code.h there). */
    private static final List<String> PUBLIC_EXTRAS = List.of("frameobject.h", "code.h", "longintrepr.h");

    /**
     * Internal headers with the runtime, interpreter, frame, code, dict and GIL structs, in dependency order:
     * {@code internal/pystate.h} is 3.7's, the {@code pycore_*} ones are 3.8+ (each included only if present).
     */
    private static final List<String> INTERNALS = List.of(
            "internal/pystate.h",
            "internal/pycore_pystate.h", "internal/pycore_runtime.h", "internal/pycore_interp.h",
            "internal/pycore_gil.h", "internal/pycore_ceval_state.h", "internal/pycore_frame.h",
            "internal/pycore_code.h", "internal/pycore_dict.h", "internal/pycore_long.h",
            "internal/pycore_object.h", "internal/pycore_moduleobject.h", "internal/pycore_tstate.h",
            "internal/pycore_interpframe.h", "internal/pycore_interpframe_structs.h",
            "internal/pycore_debug_offsets.h");

    /** Reads the version of the headers in {@code includeDir}. */
    static HeaderSet detect(Path includeDir, Optional<Path> configDir) {
        Path patchlevel = includeDir.resolve("patchlevel.h");
        if (!Files.isRegularFile(patchlevel)) {
            throw new IllegalArgumentException("not a CPython include directory (no patchlevel.h): " + includeDir);
        }
        Matcher matcher = PY_VERSION.matcher(read(patchlevel));
        if (!matcher.find()) {
            throw new IllegalArgumentException("no PY_VERSION in " + patchlevel);
        }
        Path pyconfig = configDir.orElse(includeDir).resolve("pyconfig.h");
        boolean freeThreaded = Files.isRegularFile(pyconfig) && GIL_DISABLED.matcher(read(pyconfig)).find();
        return new HeaderSet(matcher.group(1), includeDir, configDir, freeThreaded);
    }

    /** {@code major.minor}, the key of the layout table, with a {@code t} for a free-threaded build. */
    String minorVersion() {
        String[] parts = pythonVersion.split("\\.");
        return parts[0] + "." + parts[1] + (freeThreaded ? "t" : "");
    }

    /** The {@code #include} lines of the probe program, Python.h first. */
    List<String> includeLines() {
        List<String> lines = new ArrayList<>();
        lines.add("#include <Python.h>");
        for (String header : PUBLIC_EXTRAS) {
            if (Files.isRegularFile(includeDir.resolve(header))) {
                lines.add("#include <" + header + ">");
            }
        }
        for (String header : INTERNALS) {
            if (Files.isRegularFile(includeDir.resolve(header))) {
                lines.add("#include <" + header + ">");
            }
        }
        return lines;
    }

    /**
     * The shared library built with these headers, for structs only CPython's .c files define: pyenv installs
     * {@code <prefix>/include/python3.9} beside {@code <prefix>/lib/libpython3.9.so.1.0} (with DWARF, built -g).
     */
    Optional<Path> sharedLibrary() {
        Path prefix = includeDir.toAbsolutePath().normalize().getParent().getParent();
        Path library = prefix.resolve("lib").resolve("lib" + includeDir.getFileName() + ".so.1.0");
        return Files.isRegularFile(library) ? Optional.of(library) : Optional.empty();
    }

    /** The text of a header of this set, for probes derived from struct definitions. */
    Optional<String> headerText(String relativePath) {
        Path header = includeDir.resolve(relativePath);
        return Files.isRegularFile(header) ? Optional.of(read(header)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
