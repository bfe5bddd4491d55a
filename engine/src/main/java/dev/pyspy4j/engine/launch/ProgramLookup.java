// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks that a program can be started before anything else happens, as {@code execvp(3)} would find it: a name
 * with a slash is a path, any other name is looked up in {@code PATH}. Without the check a mistyped name would only
 * show as the shell's own "not found" and exit status 127.
 */
final class ProgramLookup {
    private ProgramLookup() {
    }

    /**
     * @throws SpyException PROCESS_NOT_FOUND naming the program when it cannot be run
     */
    static void checkRunnable(String program, String searchPath) {
        if (program.isEmpty()) {
            throw notFound(program, "the program name is empty");
        }
        if (program.contains("/")) {
            if (!isExecutableFile(program)) {
                throw notFound(program, "not an executable file");
            }
            return;
        }
        String path = searchPath == null ? "" : searchPath;
        for (String directory : path.split(File.pathSeparator, -1)) {
            // An empty PATH entry means the current directory (execvp(3)).
            if (isExecutableFile((directory.isEmpty() ? "." : directory) + "/" + program)) {
                return;
            }
        }
        throw notFound(program, "not found on the PATH");
    }

    private static boolean isExecutableFile(String candidate) {
        try {
            Path file = Path.of(candidate);
            return Files.isRegularFile(file) && Files.isExecutable(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static SpyException notFound(String program, String why) {
        return new SpyException(FailureKind.PROCESS_NOT_FOUND, "cannot run '" + program + "': " + why);
    }
}
