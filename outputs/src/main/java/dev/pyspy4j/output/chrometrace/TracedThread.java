// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

/**
 * A thread seen in a recording: its place in order of appearance, the id the trace gives it (the OS thread id, which
 * timeline readers show and which fits the 32 bits Perfetto takes; the place in order of appearance when the OS id
 * is unknown, as interpreter thread ids are 64-bit {@code pthread_t}s), its name for the {@code thread_name} metadata
 * event, the frames it has open, root first, and when it was last sampled.
 */
final class TracedThread {
    private final int index;
    private final long tid;
    private final long pid;
    private final String name;
    private int[] openFrames = new int[0];
    private long lastSampleMicros;

    TracedThread(int index, long tid, long pid, String name) {
        this.index = index;
        this.tid = tid;
        this.pid = pid;
        this.name = name;
    }

    int index() {
        return index;
    }

    /** The thread's id in the trace. */
    long tid() {
        return tid;
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
