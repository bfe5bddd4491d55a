// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.stack;

/** The words of {@code endedEarlyBecause} that every pure-Java unwinder shares. */
public final class StopReasons {
    private StopReasons() {
    }

    public static String zeroReturnAddress(long frameAddress) {
        return "the return address of frame 0x" + Long.toHexString(frameAddress) + " is 0";
    }

    public static String notExecutable(long returnAddress) {
        return "return address 0x" + Long.toHexString(returnAddress) + " is not in executable memory";
    }

    public static String stackDidNotGrow(long from, long to) {
        return "the stack pointer did not grow (0x" + Long.toHexString(to) + " after 0x" + Long.toHexString(from) + ")";
    }

    public static String unreadable(String what, Exception cause) {
        return "cannot read " + what + ": " + cause.getMessage();
    }
}
