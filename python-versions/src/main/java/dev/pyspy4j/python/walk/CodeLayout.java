// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * Where a walk finds the fields of {@code PyCodeObject} it needs for names, lines and locals.
 *
 * @param size            bytes to read to see every field below
 * @param filename        {@code co_filename}
 * @param name            {@code co_name}
 * @param firstLineNo     {@code co_firstlineno} (an int)
 * @param lineTable       {@code co_lnotab} or {@code co_linetable} (a bytes object)
 * @param codeStart       offset of the bytecode inside the code object ({@code co_code_adaptive}, 3.11+)
 * @param argCount        {@code co_argcount} (an int)
 * @param localNames      {@code co_varnames} or {@code co_localsplusnames} (a tuple)
 * @param localKinds      {@code co_localspluskinds} (a bytes object, 3.11+), else -1
 * @param localCount      {@code co_nlocals} (<= 3.10) or {@code co_nlocalsplus} (an int)
 */
public record CodeLayout(int size, int filename, int name, int firstLineNo, int lineTable, int codeStart,
                         int argCount, int localNames, int localKinds, int localCount) {

    /** The code object layout of CPython 2.7 and 3.3-3.10 ({@code co_lnotab} or the 3.10 {@code co_linetable}). */
    public static CodeLayout classic(StructLayouts t) {
        String table = t.has("PyCodeObject.co_linetable") ? "PyCodeObject.co_linetable" : "PyCodeObject.co_lnotab";
        int[] fields = {t.offset("PyCodeObject.co_filename"), t.offset("PyCodeObject.co_name"),
            t.offset("PyCodeObject.co_firstlineno"), t.offset(table), t.offset("PyCodeObject.co_argcount"),
            t.offset("PyCodeObject.co_varnames"), t.offset("PyCodeObject.co_nlocals")};
        int size = 0;
        for (int field : fields) {
            size = Math.max(size, field + 8);
        }
        return new CodeLayout(size, fields[0], fields[1], fields[2], fields[3], -1, fields[4], fields[5], -1,
                fields[6]);
    }

    /** The code object layout of CPython 3.11 and later as described by the generated tables. */
    public static CodeLayout modern(StructLayouts t) {
        return new CodeLayout(
                t.offset("PyCodeObject.co_code_adaptive"),
                t.offset("PyCodeObject.co_filename"),
                t.offset("PyCodeObject.co_name"),
                t.offset("PyCodeObject.co_firstlineno"),
                t.offset("PyCodeObject.co_linetable"),
                t.offset("PyCodeObject.co_code_adaptive"),
                t.offset("PyCodeObject.co_argcount"),
                t.offset("PyCodeObject.co_localsplusnames"),
                t.offset("PyCodeObject.co_localspluskinds"),
                t.offset("PyCodeObject.co_nlocalsplus"));
    }
}
