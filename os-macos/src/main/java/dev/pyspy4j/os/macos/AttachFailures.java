// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The failures of attaching, worded as py-spy words them where it has a message. */
final class AttachFailures {
    /** py-spy's two lines for a user who is not root, on one line. */
    static final String NOT_ROOT = "This program requires root on OSX. "
            + "Try running again with elevated permissions by going 'sudo !!'";

    private AttachFailures() {
    }

    static SpyException noSuchProcess(long pid) {
        return new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid);
    }

    static SpyException notRoot() {
        return new PermissionDeniedException(NOT_ROOT, "not root", denial(false), null);
    }

    /** {@code task_for_pid} refused a program SIP protects: say so, and what to profile instead. */
    static SpyException protectedBySip(long pid, String program, MachCallException cause) {
        return new PermissionDeniedException("cannot read process " + pid + ": its program '" + program
                + "' is protected by System Integrity Protection, which keeps even root from reading it; profile a"
                + " Python installed elsewhere (Homebrew, pyenv, python.org) or disable SIP",
                "protected by System Integrity Protection", denial(true), cause);
    }

    /** py-spy's "Failed to open process - check if it is running." with the call's own reason. */
    static SpyException taskForPidRefused(long pid, MachCallException cause) {
        return new PermissionDeniedException("Failed to open process " + pid + " - check if it is running: "
                + "task_for_pid refused it (" + KernReturn.describe(cause.code()) + ")", "task_for_pid refused",
                denial(true), cause);
    }

    private static AccessDenial denial(boolean root) {
        return new AccessDenial(root, root, OptionalInt.empty(), false, OptionalLong.empty());
    }
}
