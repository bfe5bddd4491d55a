// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import java.nio.ByteBuffer;

/**
 * {@code struct thread_identifier_info} from xnu's {@code osfmk/mach/thread_info.h}: three {@code uint64_t},
 * {@code thread_id} at 0, {@code thread_handle} at 8, {@code dispatch_qaddr} at 16 (24 bytes, COUNT = 6 words).
 *
 * @param threadId     the system-wide unique thread id ({@code pthread_threadid_np}, CPython's
 *                     {@code native_thread_id})
 * @param threadHandle the thread's TSD base, which libpthread places inside its {@code pthread_t}
 */
public record ThreadIdentifierInfo(long threadId, long threadHandle) {
    /** {@code THREAD_IDENTIFIER_INFO}, the flavor passed to {@code thread_info}. */
    public static final int FLAVOR = 4;
    public static final int COUNT = 6;
    public static final int SIZE = COUNT * 4;

    public static ThreadIdentifierInfo decode(byte[] bytes) {
        ByteBuffer buffer = StructBytes.of(bytes, SIZE, "thread_identifier_info");
        return new ThreadIdentifierInfo(buffer.getLong(0), buffer.getLong(8));
    }
}
