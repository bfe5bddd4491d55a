// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

/**
 * The frame of one coroutine (or generator) object, as far as {@code dump --asyncio} needs it.
 *
 * @param address           the frame's address: a {@code PyFrameObject} up to 3.10, the {@code _PyInterpreterFrame}
 *                          inside the coroutine object from 3.11; its local slots follow it
 * @param code              the code object's address
 * @param instructionOffset byte offset of the last instruction run from the start of the bytecode; -1 before the
 *                          first
 * @param status            whether it has not started, waits, runs or has finished
 * @param awaited           what it waits for when suspended in an {@code await} (CPython's {@code _PyGen_yf}); 0
 *                          otherwise
 */
record CoroutineFrame(long address, long code, int instructionOffset, Status status, long awaited) {
    enum Status { CREATED, SUSPENDED, EXECUTING, DONE }
}
