// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Field paths read from struct definitions shaped like {@code _Py_DebugOffsets} in pycore_runtime.h. */
class StructFieldsTest {
    private static final String HEADER = String.join("\n",
            "#include \"pycore_x.h\"",
            "typedef struct _Other { int ignored; } _Other;",
            "typedef struct _Py_DebugOffsets {",
            "    char cookie[8];   // \"xdebugpy\"",
            "    uint64_t version;",
            "    /* Runtime state offset; */",
            "    struct _runtime_state {",
            "        uint64_t size;",
            "        uint64_t interpreters_head;",
            "    } runtime_state;",
            "#ifdef SOMETHING",
            "    struct _nested { struct _deeper { uint64_t a, b; } deeper; uint64_t *c; } nested;",
            "#endif",
            "} _Py_DebugOffsets;",
            "");

    @Test
    void listsScalarArrayAndNestedMembersInDeclarationOrder() {
        assertThat(StructFields.of(HEADER, "_Py_DebugOffsets")).containsExactly("cookie", "version",
                "runtime_state.size", "runtime_state.interpreters_head", "nested.deeper.a", "nested.deeper.b",
                "nested.c");
    }

    @Test
    void aStructTheHeaderDoesNotDefineHasNoFields() {
        assertThat(StructFields.of(HEADER, "_Py_Missing")).isEmpty();
    }
}
