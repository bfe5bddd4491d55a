// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it.unwinders;

import java.util.List;

/**
 * The builds and modes of the call-chain program ({@code native/call_chain.c}) the unwinder contract runs against,
 * each with the chain of functions, leaf first, that an unwind of its chain thread must show.
 */
enum ChainVariant {
    /** {@code -O0} with frame pointers: every unwinder can follow it. */
    FRAME_POINTERS("spin", "main", "-O0", "-fno-omit-frame-pointer"),
    /** {@code -O2} without frame pointers: only call-frame information (.eh_frame) describes the frames. */
    CFI_ONLY("spin", "main", "-O2", "-fomit-frame-pointer"),
    /** The chain on a second thread, under its start routine, while main waits in pthread_join. */
    SECOND_THREAD("thread", "worker_main", "-O0", "-fno-omit-frame-pointer"),
    /** The chain's leaf blocked in nanosleep: the innermost frames are libc's, unwound with libc's CFI. */
    LIBC_LEAF("sleep", "main", "-O0", "-fno-omit-frame-pointer");

    private final String mode;
    private final String outermost;
    private final List<String> gccFlags;

    ChainVariant(String mode, String outermost, String... gccFlags) {
        this.mode = mode;
        this.outermost = outermost;
        this.gccFlags = List.of(gccFlags);
    }

    /** The program's command-line argument. */
    String mode() {
        return mode;
    }

    List<String> gccFlags() {
        return gccFlags;
    }

    /** The program's functions an unwind must show, leaf first, with nothing between them. */
    List<String> expectedChain() {
        return List.of("level_c", "level_b", "level_a", outermost);
    }

    /** The thread whose stack holds the chain: {@code chain-worker} for the second thread, else the main thread. */
    boolean chainOnSecondThread() {
        return this == SECOND_THREAD;
    }

    /** Whether the chain thread's innermost frames are libc's rather than {@code level_c}. */
    boolean leafInLibc() {
        return this == LIBC_LEAF;
    }
}
