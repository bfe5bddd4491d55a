// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a named native frame in the interpreter's own binary stands for in a merged stack. */
enum InterpreterFrameRole {
    /** A call of the evaluation loop: replaced by the Python frames it ran. */
    EVALUATION_LOOP,
    /**
     * Work of the interpreter worth seeing ({@code time_sleep}, {@code thread_run}, a GC pass, a lock wait): kept as
     * a native frame.
     */
    KEPT,
    /** Plumbing between calls (argument parsing, vectorcall, frame setup): dropped, as it says nothing to people. */
    INTERNAL;

    /** Modules and subsystems of the interpreter whose C functions tell what a thread waits for or works on. */
    private static final Set<String> KEPT_SUBSYSTEMS = Set.of("time", "sys", "gc", "os", "unicode", "thread",
            "stringio", "sre", "PyGilState", "PyThread", "lock");

    /** Names of the evaluation loop: 3.x's {@code _PyEval_EvalFrameDefault}, 2.7's {@code PyEval_EvalFrameEx}. */
    private static final Set<String> EVALUATION_LOOP_NAMES = Set.of("EvalFrameDefault", "EvalFrameEx");

    /**
     * The role of the interpreter function {@code function}, judged by its first two words: compilers add suffixes
     * ({@code _PyEval_EvalFrameDefault.cold}) and CPython names functions {@code <subsystem>_<what>}.
     */
    static InterpreterFrameRole of(String function) {
        List<String> words = words(function);
        if (words.isEmpty()) {
            return INTERNAL;
        }
        if (words.get(0).equals("PyEval") && words.size() > 1 && EVALUATION_LOOP_NAMES.contains(words.get(1))) {
            return EVALUATION_LOOP;
        }
        return KEPT_SUBSYSTEMS.contains(words.get(0)) ? KEPT : INTERNAL;
    }

    /** The name split on {@code _} and {@code .}, empty pieces left out. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '_' || name.charAt(i) == '.') {
                if (i > start) {
                    words.add(name.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }
}
