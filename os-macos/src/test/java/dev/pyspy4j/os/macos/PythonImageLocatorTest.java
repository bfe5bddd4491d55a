// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** py-spy's macOS rules for which mapped files are the program and the interpreter library. */
class PythonImageLocatorTest {
    private static final String APP_LAUNCHER = "/Library/Frameworks/Python.framework/Versions/3.12/Resources/"
            + "Python.app/Contents/MacOS/Python";
    private static final String FRAMEWORK = "/Library/Frameworks/Python.framework/Versions/3.12/Python";

    private static MemoryRegion executable(long start, String path) {
        return new MemoryRegion(start, start + 0x1000, "r-xp", 0, path);
    }

    private static MemoryRegion data(long start, String path) {
        return new MemoryRegion(start, start + 0x1000, "rw-p", 0x1000, path);
    }

    @Test
    void aFrameworkBuildRunsTheAppLauncherAndTheInterpreterLivesInTheFramework() {
        List<MemoryRegion> regions = List.of(executable(0x1000_0000L, APP_LAUNCHER),
                data(0x1000_1000L, APP_LAUNCHER), executable(0x2000_0000L, FRAMEWORK), data(0x2000_1000L, FRAMEWORK),
                executable(0x3000_0000L, "/usr/lib/libSystem.B.dylib"));

        PythonImageLocator.PythonPaths paths = PythonImageLocator.locate(APP_LAUNCHER, regions);
        assertThat(paths.program()).contains(APP_LAUNCHER);
        assertThat(paths.library()).contains(FRAMEWORK);
        assertThat(paths.inLookupOrder()).containsExactly(APP_LAUNCHER, FRAMEWORK);
    }

    @Test
    void aSharedBuildMapsLibpythonDylib() {
        String program = "/Users/me/.pyenv/versions/3.11.9/bin/python3.11";
        String library = "/Users/me/.pyenv/versions/3.11.9/lib/libpython3.11.dylib";
        List<MemoryRegion> regions = List.of(executable(0x1000, program), data(0x2000, library),
                executable(0x3000, library));

        assertThat(PythonImageLocator.locate(program, regions).inLookupOrder()).containsExactly(program, library);
    }

    @Test
    void aStaticBuildHasOnlyTheProgram() {
        String program = "/opt/homebrew/bin/python3.13";
        PythonImageLocator.PythonPaths paths = PythonImageLocator.locate(program,
                List.of(executable(0x1000, program), data(0x2000, "")));

        assertThat(paths.program()).contains(program);
        assertThat(paths.library()).isEmpty();
    }

    @Test
    void onlyExecutableRegionsCountAndAProgramNotMappedIsLeftOut() {
        PythonImageLocator.PythonPaths paths = PythonImageLocator.locate("/usr/local/bin/python3",
                List.of(data(0x1000, "/usr/local/bin/python3"), data(0x2000, FRAMEWORK)));

        assertThat(paths).isEqualTo(new PythonImageLocator.PythonPaths(Optional.empty(), Optional.empty()));
    }

    @Test
    void libraryNamesFollowPySpysPattern() {
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libpython3.12.dylib")).isTrue();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libpython2.7.dylib")).isTrue();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libpython3.6m.dylib")).isTrue();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libpython3.13d.so")).isTrue();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libpython3.13t.dylib")).as("free-threaded").isTrue();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libboost_python312.dylib")).isFalse();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/libpython3.12.dylib.dSYM")).isFalse();
        assertThat(PythonImageLocator.isInterpreterLibrary(FRAMEWORK)).isTrue();
        assertThat(PythonImageLocator.isInterpreterLibrary(APP_LAUNCHER)).isFalse();
        assertThat(PythonImageLocator.isInterpreterLibrary("/x/MyPython")).isFalse();
    }
}
