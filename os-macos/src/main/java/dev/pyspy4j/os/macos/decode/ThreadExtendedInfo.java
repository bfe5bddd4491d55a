// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import java.nio.charset.StandardCharsets;

/**
 * The name in {@code struct thread_extended_info} from xnu's {@code osfmk/mach/thread_info.h}: two {@code uint64_t}
 * times, eight {@code int32_t} (cpu usage, policy, run state, flags, sleep time, current, base and max priority),
 * then {@code char pth_name[MAXTHREADNAMESIZE]} (64) at byte 48 (112 bytes, COUNT = 28 words). The name is what
 * {@code pthread_setname_np} set, NUL-terminated unless it fills the array.
 */
public final class ThreadExtendedInfo {
    /** {@code THREAD_EXTENDED_INFO}, the flavor passed to {@code thread_info}. */
    public static final int FLAVOR = 5;
    public static final int COUNT = 28;
    public static final int SIZE = COUNT * 4;
    private static final int NAME_OFFSET = 48;
    private static final int NAME_SIZE = 64;

    private ThreadExtendedInfo() {
    }

    /** The thread's name; empty when it has none. */
    public static String name(byte[] bytes) {
        StructBytes.of(bytes, SIZE, "thread_extended_info");
        int end = NAME_OFFSET;
        while (end < NAME_OFFSET + NAME_SIZE && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, NAME_OFFSET, end - NAME_OFFSET, StandardCharsets.UTF_8);
    }
}
