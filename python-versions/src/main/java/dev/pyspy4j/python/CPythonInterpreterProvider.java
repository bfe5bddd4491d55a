// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.python.discovery.PythonBinaries;
import dev.pyspy4j.python.discovery.VersionDetector;
import dev.pyspy4j.python.family.Families;
import dev.pyspy4j.python.family.VersionFamily;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Optional;

/** Reads CPython: finds the interpreter in a target, detects its version and picks that version's family. */
public final class CPythonInterpreterProvider implements PythonInterpreterProvider {
    /** Symbols whose presence shows a binary holds a CPython interpreter. */
    /** Set to {@code scan} to ignore symbol tables and find the interpreter by scanning (a diagnostic). */
    public static final String LOCATE_PROPERTY = "pyspy4j.python.locate";
    private static final List<String> MARKERS = List.of("_PyRuntime", "interp_head", "Py_Version", "PyCode_Type");

    @Override
    public String id() {
        return "cpython";
    }

    /** Supported where layout tables were generated for the architecture: struct shapes follow it. */
    @Override
    public boolean isSupported(Platform platform) {
        return StructLayouts.hasTablesFor(platform.arch());
    }

    @Override
    public String supportedVersions() {
        return Families.describeAll();
    }

    @Override
    public PythonInterpreter open(TargetProcess target) {
        PythonBinaries binaries = PythonBinaries.find(target);
        TargetArch arch = target.platform().arch();
        Optional<PythonVersion> detected = VersionDetector.detect(binaries, new RemoteReader(target.memory(), arch));
        boolean looksLikePython = binaries.hasLibrary() || MARKERS.stream().anyMatch(m -> binaries.symbol(m).isPresent());
        if (detected.isEmpty() && !looksLikePython) {
            // The first line is what every user sees; the second, what was looked for, shows with --verbose.
            throw new SpyException(FailureKind.NOT_PYTHON, "process " + target.pid() + " ('"
                    + binaries.executable() + "') is not running Python: no Python interpreter was found in it\n"
                    + "No libpython is mapped, the program defines none of " + String.join(", ", MARKERS)
                    + " and holds no Python version string");
        }
        StructLayouts.requireTablesFor(arch);
        PythonVersion version = detected.orElseThrow(() -> new SpyException(FailureKind.UNSUPPORTED_PYTHON,
                "cannot tell the Python version of process " + target.pid() + " ('"
                        + binaries.interpreterBinaryPath() + "')"));
        VersionFamily family = Families.forVersion(version).orElseThrow(() -> new SpyException(
                FailureKind.UNSUPPORTED_PYTHON, "Python " + version + " (process " + target.pid()
                        + ") is not supported yet; supported: " + supportedVersions()));
        boolean useSymbols = !"scan".equals(System.getProperty(LOCATE_PROPERTY));
        return family.open(new DiscoveredInterpreter(target, version, binaries, useSymbols));
    }
}
