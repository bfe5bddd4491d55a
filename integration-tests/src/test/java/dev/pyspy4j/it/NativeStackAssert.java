// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Checks one thread's merged stack from {@code dump --native --json} frame by frame. Frames are written as labels:
 * a Python frame (no module) as {@code name (filename:line)}, a native one as {@code name [module path]}. The
 * expectation names every Python frame and every frame of the test's own binaries, leaf first; frames of other
 * binaries (libc, the interpreter's kept functions such as {@code thread_run}) may lie between them, as long as the
 * innermost frame is the expected one.
 */
final class NativeStackAssert {
    private final List<JsonNode> frames;
    private final String described;

    private NativeStackAssert(JsonNode trace) {
        this.frames = StreamSupport.stream(trace.get("frames").spliterator(), false).toList();
        this.described = "thread " + trace.get("os_thread_id") + " (" + trace.get("thread_name") + "), stack:\n"
                + String.join("\n", labels(frames));
    }

    static NativeStackAssert assertThatStack(JsonNode trace) {
        return new NativeStackAssert(trace);
    }

    /** A native frame's expected label. */
    static String nativeFrame(String function, String module) {
        return function + " [" + module + "]";
    }

    /** The labels of the Python frames of a trace from {@code dump --json} (with or without {@code --native}). */
    static List<String> pythonFrames(JsonNode trace) {
        return labels(StreamSupport.stream(trace.get("frames").spliterator(), false)
                .filter(frame -> frame.get("module").isNull()).toList());
    }

    /**
     * The stack, reduced to its Python frames and the frames of {@code ownModules}, is exactly {@code expected}, and
     * its innermost frame is the first expected one.
     */
    NativeStackAssert isExactly(Set<String> ownModules, List<String> expected) {
        List<JsonNode> kept = frames.stream().filter(frame -> frame.get("module").isNull()
                || ownModules.contains(frame.get("module").asText())).toList();
        assertThat(labels(kept)).as(described).containsExactlyElementsOf(expected);
        assertThat(labels(frames).get(0)).as("innermost frame of " + described).isEqualTo(expected.get(0));
        return this;
    }

    /** Every frame of the stack is native: the thread never ran Python. */
    NativeStackAssert hasNoPythonFrame() {
        assertThat(frames).as(described).allSatisfy(frame -> assertThat(frame.get("module").isNull()).isFalse());
        return this;
    }

    /** The stack's labels, leaf first. */
    List<String> labels() {
        return labels(frames);
    }

    String describe() {
        return described;
    }

    private static List<String> labels(List<JsonNode> frames) {
        List<String> labels = new ArrayList<>();
        for (JsonNode frame : frames) {
            labels.add(frame.get("module").isNull()
                    ? frame.get("name").asText() + " (" + frame.get("filename").asText() + ":"
                            + frame.get("line").asInt() + ")"
                    : nativeFrame(frame.get("name").asText(), frame.get("module").asText()));
        }
        return labels;
    }
}
