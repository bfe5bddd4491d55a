// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

/**
 * What went wrong, as a closed set the CLI maps to exit codes and message templates.
 * Providers choose the kind; the CLI chooses the wording of the hint.
 */
public enum FailureKind {
    /** The pid names no running process. */
    PROCESS_NOT_FOUND,
    /** The process existed when we started and is gone now (exited while being read). */
    PROCESS_EXITED,
    /** The operating system refused access (ptrace permissions, capabilities, Yama). */
    PERMISSION_DENIED,
    /** The process runs, but no Python interpreter was found in it. */
    NOT_PYTHON,
    /** A Python interpreter was found, but its version is not supported. */
    UNSUPPORTED_PYTHON,
    /** Reading the target's memory failed or returned data that does not validate. */
    MEMORY_READ,
    /** A file given to us (a binary, a core file) is malformed or truncated. */
    MALFORMED_INPUT,
    /** No provider supports this operating system or architecture. */
    UNSUPPORTED_PLATFORM,
    /** The user asked for something inconsistent (bad flag values that parsing cannot catch). */
    USAGE,
    /** Writing an output failed (unwritable path, full disk). */
    OUTPUT,
    /** A bug in pyspy4j. */
    INTERNAL
}
