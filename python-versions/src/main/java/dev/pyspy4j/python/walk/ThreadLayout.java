// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * Where a thread walk finds its fields in {@code PyInterpreterState} and {@code PyThreadState}, for one version.
 * An offset of -1 means the version lacks the field.
 *
 * @param threadsHead      interpreter: head of its thread-state list
 * @param interpreterNext  interpreter: the next interpreter (sub-interpreters)
 * @param modules          interpreter: {@code sys.modules}
 * @param size             sizeof(PyThreadState)
 * @param next             thread state: the next thread in the list
 * @param interp           thread state: its interpreter (points back; used to validate)
 * @param threadId         thread state: {@code pthread_self()} of the thread
 * @param nativeThreadId   thread state: the OS thread id (3.11+)
 * @param frame            thread state: the current frame, or the {@code _PyCFrame*} when {@code cframeFrame >= 0}
 * @param cframeFrame      {@code _PyCFrame.current_frame} (3.11, 3.12), else -1
 * @param datastackChunk   thread state: the newest {@code _PyStackChunk} (3.11+), else -1
 * @param datastackTop     thread state: first free slot of that chunk (3.11+), else -1
 */
public record ThreadLayout(int threadsHead, int interpreterNext, int modules, int size, int next, int interp,
                           int threadId, int nativeThreadId, int frame, int cframeFrame, int datastackChunk,
                           int datastackTop) {

    /** The layout of CPython 3.11 and 3.12, which reach the current frame through {@code tstate->cframe}. */
    public static ThreadLayout viaCFrame(StructLayouts t) {
        return new ThreadLayout(
                t.offset("PyInterpreterState.threads.head"),
                t.offset("PyInterpreterState.next"),
                t.has("PyInterpreterState.modules") ? t.offset("PyInterpreterState.modules")
                        : t.offset("PyInterpreterState.imports.modules"),
                t.size("PyThreadState"),
                t.offset("PyThreadState.next"),
                t.offset("PyThreadState.interp"),
                t.offset("PyThreadState.thread_id"),
                t.offset("PyThreadState.native_thread_id"),
                t.offset("PyThreadState.cframe"),
                t.offset("_PyCFrame.current_frame"),
                t.offset("PyThreadState.datastack_chunk"),
                t.offset("PyThreadState.datastack_top"));
    }

    /** The layout of CPython 2.7 and 3.3-3.10: a {@code tstate_head} list and a {@code PyFrameObject*} per thread. */
    public static ThreadLayout classic(StructLayouts t) {
        return new ThreadLayout(
                t.offset("PyInterpreterState.tstate_head"),
                t.offset("PyInterpreterState.next"),
                t.offset("PyInterpreterState.modules"),
                t.offset("PyThreadState.thread_id") + 8,
                t.offset("PyThreadState.next"),
                t.offset("PyThreadState.interp"),
                t.offset("PyThreadState.thread_id"),
                -1,
                t.offset("PyThreadState.frame"),
                -1,
                -1,
                -1);
    }

    /** The layout of CPython 3.13+, whose thread state points at the current frame directly. */
    public static ThreadLayout direct(StructLayouts t) {
        return new ThreadLayout(
                t.offset("PyInterpreterState.threads.head"),
                t.offset("PyInterpreterState.next"),
                t.offset("PyInterpreterState.imports.modules"),
                t.size("PyThreadState"),
                t.offset("PyThreadState.next"),
                t.offset("PyThreadState.interp"),
                t.offset("PyThreadState.thread_id"),
                t.offset("PyThreadState.native_thread_id"),
                t.offset("PyThreadState.current_frame"),
                -1,
                t.offset("PyThreadState.datastack_chunk"),
                t.offset("PyThreadState.datastack_top"));
    }

    public boolean hasNativeThreadId() {
        return nativeThreadId >= 0;
    }
}
