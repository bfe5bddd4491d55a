// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import java.nio.ByteBuffer;

/**
 * {@code struct thread_basic_info} from xnu's {@code osfmk/mach/thread_info.h}: two {@code time_value_t} (two
 * {@code integer_t} each), then {@code integer_t} fields:
 * <pre>
 *  0 user_time   8 system_time   16 cpu_usage   20 policy   24 run_state   28 flags
 * 32 suspend_count   36 sleep_time                                 (40 bytes, COUNT = 10 words)
 * </pre>
 *
 * @param runState     a {@code TH_STATE_*} value
 * @param flags        {@code TH_FLAGS_*} bits
 * @param suspendCount how many suspensions hold the thread
 */
public record ThreadBasicInfo(int runState, int flags, int suspendCount) {
    /** {@code THREAD_BASIC_INFO}, the flavor passed to {@code thread_info}. */
    public static final int FLAVOR = 3;
    public static final int COUNT = 10;
    public static final int SIZE = COUNT * 4;
    public static final int TH_STATE_RUNNING = 1;
    public static final int TH_STATE_STOPPED = 2;
    public static final int TH_STATE_WAITING = 3;
    public static final int TH_STATE_UNINTERRUPTIBLE = 4;
    public static final int TH_STATE_HALTED = 5;
    public static final int TH_FLAGS_SWAPPED = 0x1;
    /** The thread is the kernel's idle thread of a CPU, not doing work even when "running". */
    public static final int TH_FLAGS_IDLE = 0x2;

    public static ThreadBasicInfo decode(byte[] bytes) {
        ByteBuffer buffer = StructBytes.of(bytes, SIZE, "thread_basic_info");
        return new ThreadBasicInfo(buffer.getInt(24), buffer.getInt(28), buffer.getInt(32));
    }
}
