// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The exit codes of every command, declared once, and the mapping from failures to them. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    /** The target could not be read: no such process, not Python, unsupported version, read failed, exited. */
    public static final int TARGET_FAILURE = 1;
    public static final int USAGE = 2;
    public static final int PERMISSION_DENIED = 3;
    /** A bug in pyspy4j. */
    public static final int INTERNAL = 4;

    /** The exit code for a failure of this kind. */
    public static int forKind(FailureKind kind) {
        return switch (kind) {
            case PERMISSION_DENIED -> PERMISSION_DENIED;
            case USAGE -> USAGE;
            case INTERNAL -> INTERNAL;
            case PROCESS_NOT_FOUND, PROCESS_EXITED, NOT_PYTHON, UNSUPPORTED_PYTHON, MEMORY_READ, MALFORMED_INPUT,
                    UNSUPPORTED_PLATFORM, OUTPUT -> TARGET_FAILURE;
        };
    }

    @Override
    public int getExitCode(Throwable failure) {
        if (failure instanceof SpyException spy) {
            return forKind(spy.kind());
        }
        if (failure instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return INTERNAL;
    }

    /** The table shown under "Exit Codes:" in every command's help. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put(Integer.toString(OK), "success");
        list.put(Integer.toString(TARGET_FAILURE),
                "failure against the target (no such process, not Python, unsupported version, read failed),"
                        + " or an input convert cannot read");
        list.put(Integer.toString(USAGE), "usage error");
        list.put(Integer.toString(PERMISSION_DENIED), "permission denied");
        list.put(Integer.toString(INTERNAL), "internal error (a bug in pyspy4j)");
        return list;
    }
}
