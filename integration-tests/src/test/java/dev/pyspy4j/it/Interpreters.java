// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.testsupport.InterpreterCatalogue;
import dev.pyspy4j.testsupport.InterpreterLocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPython builds the integration tests run, from the shared {@link InterpreterCatalogue}: every interpreter found
 * on the machine, and for each expected one that is missing a stand-in path that fails the tests given it, naming it.
 */
final class Interpreters {

    private Interpreters() {
    }

    /** pyenv's 3.11 (a shared-library build) and Debian's {@code /usr/bin/python3.11} (a static one). */
    static List<Path> python311() {
        return List.of(pyenv("3.11"), debian("3.11"));
    }

    /** Every interpreter of the machine, oldest first; a missing expected one fails the tests that use it. */
    static List<Path> all() {
        return InterpreterCatalogue.machine().everyExecutable();
    }

    /** Every interpreter that has {@code async def} and asyncio (3.5+): all but 2.7. */
    static List<Path> withAsyncio() {
        return all().stream().filter(python -> !python.getFileName().toString().startsWith("python2.")).toList();
    }

    /** pyenv's {@code bin/python<major.minor>} of the newest build of a minor version, e.g. {@code 3.11}. */
    static Path pyenv(String minorVersion) {
        return InterpreterCatalogue.machine().executable(InterpreterLocations.PYENV, minorVersion);
    }

    /** Debian's own interpreter of a minor version, e.g. {@code /usr/bin/python3.11}. */
    static Path debian(String minorVersion) {
        return InterpreterCatalogue.machine().executable(InterpreterLocations.DEBIAN, minorVersion);
    }

    /** Debian sid's interpreter of a minor version that {@code tools/install-pythons} installed, e.g. 3.15. */
    static Path debianSid(String minorVersion) {
        return InterpreterCatalogue.machine().executable(InterpreterLocations.DEBIAN_SID, minorVersion);
    }

    /**
     * Fails, naming the interpreter and how to install it, when {@code python} stands for a missing expected one;
     * tests that are not parameterised over interpreters are not covered by {@code MissingInterpreterGuard}.
     */
    static void requireInstalled(Path python) {
        InterpreterCatalogue catalogue = InterpreterCatalogue.machine();
        if (catalogue.isMissing(python)) {
            catalogue.requireFound(python);
        }
    }

    /** The interpreter's own account of its version ({@code platform.python_version()}), asked once per run. */
    static String versionOf(Path python) {
        return InterpreterCatalogue.machine().requireFound(python).version();
    }

    /** Whether {@code python} is a free-threaded build ({@code python3.13t}), which has no GIL. */
    static boolean freeThreaded(Path python) {
        return InterpreterCatalogue.machine().requireFound(python).freeThreaded();
    }

    /** The version as {@code top}'s header shows it: {@code 3.13.5 free-threaded} for a free-threaded build. */
    static String shownVersion(Path python) {
        return versionOf(python) + (freeThreaded(python) ? " free-threaded" : "");
    }

    /** A pattern of {@code top}'s GIL share: {@code n/a} for a free-threaded build, which has no GIL. */
    static String gilSharePattern(Path python) {
        return freeThreaded(python) ? "n/a" : "[0-9.]+%";
    }

    /** The program file a process started from {@code python} runs, as {@code /proc/PID/exe} names it. */
    static String executableOf(Path python) throws IOException {
        return python.toRealPath().toString();
    }

    /** Scripts are run from the test class path, so that their paths are plain absolute paths. */
    static Path script(String name) {
        Path scripts = Path.of(System.getProperty("pyspy4j.scripts", "target/test-classes/scripts")).toAbsolutePath();
        Path script = scripts.resolve(name);
        assertThat(Files.isRegularFile(script)).as("script " + script).isTrue();
        return script;
    }
}
