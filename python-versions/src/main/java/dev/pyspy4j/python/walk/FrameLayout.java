// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * Where a walk finds the fields of {@code _PyInterpreterFrame} (3.11+). An offset of -1 means the version lacks
 * the field.
 *
 * @param size          sizeof(_PyInterpreterFrame); locals follow at {@code localsplus}
 * @param code          the code object ({@code f_code}, or {@code f_executable} from 3.13)
 * @param previous      the calling frame
 * @param instruction   {@code prev_instr} (3.11, 3.12) or {@code instr_ptr} (3.13+)
 * @param isEntry       3.11's {@code is_entry} flag, else -1
 * @param owner         the owner byte (who holds the frame's memory), or -1
 * @param ownerSkipFrom frames whose owner is at least this hold no Python code: C-stack shims
 *                      ({@code FRAME_OWNED_BY_CSTACK}, 3.12+) and interpreter-owned frames
 *                      ({@code FRAME_OWNED_BY_INTERPRETER}, 3.14+); -1 when every frame holds code
 * @param localsplus    the first local variable slot
 * @param tagMask       bits to clear in tagged stack references (3.14+), else 0
 */
public record FrameLayout(int size, int code, int previous, int instruction, int isEntry, int owner,
                          int ownerSkipFrom, int localsplus, long tagMask) {

    /** The frame layout of CPython 3.11. */
    public static FrameLayout v311(StructLayouts t) {
        return new FrameLayout(
                t.size("_PyInterpreterFrame"),
                t.offset("_PyInterpreterFrame.f_code"),
                t.offset("_PyInterpreterFrame.previous"),
                t.offset("_PyInterpreterFrame.prev_instr"),
                t.offset("_PyInterpreterFrame.is_entry"),
                t.offset("_PyInterpreterFrame.owner"),
                -1,
                t.offset("_PyInterpreterFrame.localsplus"),
                0);
    }

    /** CPython 3.12: {@code f_code} first, no entry flag, C-stack shim frames marked by their owner. */
    public static FrameLayout v312(StructLayouts t) {
        return new FrameLayout(
                t.size("_PyInterpreterFrame"),
                t.offset("_PyInterpreterFrame.f_code"),
                t.offset("_PyInterpreterFrame.previous"),
                t.offset("_PyInterpreterFrame.prev_instr"),
                -1,
                t.offset("_PyInterpreterFrame.owner"),
                (int) t.constant("FRAME_OWNED_BY_CSTACK"),
                t.offset("_PyInterpreterFrame.localsplus"),
                0);
    }

    /**
     * CPython 3.13+: {@code f_executable} and {@code instr_ptr}; from 3.14 the executable is a tagged
     * {@code _PyStackRef} whose low bits must be cleared ({@code Include/internal/pycore_stackref.h}).
     */
    public static FrameLayout v313(StructLayouts t, long tagMask) {
        // 3.14 added FRAME_OWNED_BY_INTERPRETER below CSTACK; 3.15 dropped CSTACK. Anything from the lower on
        // is not a Python frame (pycore_interpframe.h, _PyFrame_IsIncomplete).
        int skipFrom = (int) (t.has("const.FRAME_OWNED_BY_INTERPRETER") ? t.constant("FRAME_OWNED_BY_INTERPRETER")
                : t.constant("FRAME_OWNED_BY_CSTACK"));
        return new FrameLayout(
                t.size("_PyInterpreterFrame"),
                t.offset("_PyInterpreterFrame.f_executable"),
                t.offset("_PyInterpreterFrame.previous"),
                t.offset("_PyInterpreterFrame.instr_ptr"),
                -1,
                t.offset("_PyInterpreterFrame.owner"),
                skipFrom,
                t.offset("_PyInterpreterFrame.localsplus"),
                tagMask);
    }
}
