// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

/**
 * A thread seen in a recording: the small id the trace gives it (Perfetto takes 32-bit thread ids, interpreter
 * thread ids are 64-bit {@code pthread_t}s, so py-spy numbers threads in order of appearance too), its name for
 * the {@code thread_name} metadata event, the frames it has open, root first, and when it was last sampled.
 */
final class TracedThread {
    private final int index;
    private final long pid;
    private final String name;
    private int[] openFrames = new int[0];
    private long lastSampleMicros;

    TracedThread(int index, long pid, String name) {
        this.index = index;
        this.pid = pid;
        this.name = name;
    }

    int index() {
        return index;
    }

    long pid() {
        return pid;
    }

    String name() {
        return name;
    }

    int[] openFrames() {
        return openFrames;
    }

    void setOpenFrames(int[] frames) {
        openFrames = frames;
    }

    /** When the thread was last sampled, in microseconds since the recording started. */
    long lastSampleMicros() {
        return lastSampleMicros;
    }

    void setLastSampleMicros(long micros) {
        lastSampleMicros = micros;
    }
}
