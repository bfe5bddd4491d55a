// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gcc command lines of the probe program, and gcc's error lines ({@code file:line:column: error: text}). */
final class Gcc {
    private static final Pattern ERROR = Pattern.compile("(?m)^(.+?):(\\d+):(?:\\d+:)? (?:fatal )?error: (.*)$");

    /** One error gcc reported. */
    record Error(String file, int line, String message) {
    }

    private Gcc() {
    }

    /**
     * The gcc command line for {@code source}; errors are unlimited and reported where a macro is used, not
     * where it is defined ({@code -ftrack-macro-expansion=0}), so each maps to the probe line that caused it.
     */
    static List<String> command(HeaderSet headers, Path source, Path output, boolean syntaxOnly) {
        List<String> command = new ArrayList<>(List.of("gcc", "-std=gnu11", "-w", "-fmax-errors=0",
                "-ftrack-macro-expansion=0", "-I", headers.includeDir().toString()));
        headers.configDir().ifPresent(dir -> command.addAll(List.of("-I", dir.toString())));
        command.add(source.toString());
        command.addAll(syntaxOnly ? List.of("-fsyntax-only") : List.of("-o", output.toString()));
        return command;
    }

    static List<Error> errors(String stderr) {
        List<Error> errors = new ArrayList<>();
        Matcher matcher = ERROR.matcher(stderr);
        while (matcher.find()) {
            errors.add(new Error(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3)));
        }
        return errors;
    }
}
