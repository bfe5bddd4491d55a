// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.calls;

/**
 * The {@code kern_return_t} and {@code errno} values the provider tells apart, from xnu's
 * {@code osfmk/mach/kern_return.h}, {@code osfmk/mach/message.h} and {@code bsd/sys/errno.h}.
 */
public final class KernReturn {
    public static final int KERN_SUCCESS = 0;
    public static final int KERN_INVALID_ADDRESS = 1;
    public static final int KERN_PROTECTION_FAILURE = 2;
    public static final int KERN_INVALID_ARGUMENT = 4;
    public static final int KERN_FAILURE = 5;
    public static final int KERN_TERMINATED = 37;
    /** A message (every Mach call is one) sent to a port that died: the task or thread is gone. */
    public static final int MACH_SEND_INVALID_DEST = 0x1000_0003;

    public static final int EPERM = 1;
    public static final int ESRCH = 3;

    private KernReturn() {
    }

    /** The text {@code mach_error_string} gives for the codes above, or the number. */
    public static String describe(int kernReturn) {
        return switch (kernReturn) {
            case KERN_SUCCESS -> "(os/kern) successful";
            case KERN_INVALID_ADDRESS -> "(os/kern) invalid address";
            case KERN_PROTECTION_FAILURE -> "(os/kern) protection failure";
            case KERN_INVALID_ARGUMENT -> "(os/kern) invalid argument";
            case KERN_FAILURE -> "(os/kern) failure";
            case KERN_TERMINATED -> "(os/kern) terminated";
            case MACH_SEND_INVALID_DEST -> "(ipc/send) invalid destination port";
            default -> "kern_return_t " + kernReturn;
        };
    }
}
