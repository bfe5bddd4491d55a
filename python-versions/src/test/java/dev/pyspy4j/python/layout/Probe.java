// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.Objects;

/**
 * One measurement of the generated C program: its table key and the single C statement (one source line) that
 * prints {@code key=value}; a probe whose struct, field or constant a version lacks fails to compile and is
 * dropped. Offsets and sizes also have a debugger expression ({@code debugInfoExpression}, empty for others)
 * for structs that only CPython's .c files define, measured from the library's DWARF instead.
 */
record Probe(String key, String statement, String debugInfoExpression) {
    Probe {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(debugInfoExpression, "debugInfoExpression is null");
        if (statement.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a probe is one line: " + statement);
        }
    }

    /** {@code Type.field.path=<offset>}; {@code type} is a typedef name or {@code struct tag}. */
    static Probe offset(String type, String fieldPath) {
        String key = keyName(type) + "." + fieldPath;
        return new Probe(key, "u(\"" + key + "\", __builtin_offsetof(" + type + ", " + fieldPath + "));",
                "&((" + type + " *) 0)->" + fieldPath);
    }

    /** {@code sizeof(Type)=<bytes>}. */
    static Probe size(String type) {
        String key = "sizeof(" + keyName(type) + ")";
        return new Probe(key, "u(\"" + key + "\", sizeof(" + type + "));", "sizeof(" + type + ")");
    }

    /** {@code const.NAME=<value>} for an enum member or a macro. */
    static Probe constant(String name) {
        String key = "const." + name;
        return new Probe(key, "s(\"" + key + "\", (long long) (" + name + "));", "");
    }

    /**
     * {@code mask.Type.unit.bit=<hex>}: sets bit-field {@code unit.bit} to all ones in a zeroed struct and reads
     * back the 32-bit storage unit that starts at {@code unit}, which is how the bits lie in the target's memory.
     */
    static Probe mask(String type, String unit, String bit) {
        String key = "mask." + keyName(type) + "." + unit + "." + bit;
        String field = "v." + unit + "." + bit;
        return new Probe(key, "{ " + type + " v; unsigned int w; memset(&v, 0, sizeof v); "
                + field + " = ~" + field + "; memcpy(&w, (char *) &v + __builtin_offsetof(" + type + ", " + unit
                + "), sizeof w); x(\"" + key + "\", w); }", "");
    }

    private static String keyName(String type) {
        return type.startsWith("struct ") ? type.substring("struct ".length()) : type;
    }
}
