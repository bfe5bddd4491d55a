// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import java.util.List;
import java.util.Set;

/**
 * Cython's C names made readable. Cython names the C function of {@code def bar} in class {@code Foo} of module
 * {@code mod} {@code __pyx_pw_3mod_3Foo_1bar} (its Python wrapper: a counter before the name), its body
 * {@code __pyx_pf_3mod_3Foo_bar} and a {@code cdef} function {@code __pyx_f_3mod_bar}: a kind prefix, then each
 * enclosing scope as its length and its name. Fused (templated) functions carry {@code __pyx_fuse_<n>} markers.
 */
final class CythonNames {
    private static final List<String> KIND_PREFIXES = List.of("__pyx_pw_", "__pyx_pf_", "__pyx_f_");
    private static final String FUSED_PREFIX = "__pyx_fuse_";

    /** Cython's calling helpers: plumbing between a caller and the called function, like the interpreter's own. */
    private static final Set<String> HELPERS = Set.of("__Pyx_PyFunction_FastCallDict", "__Pyx_PyObject_CallOneArg",
            "__Pyx_PyObject_Call", "__pyx_FusedFunction_call");

    private CythonNames() {
    }

    static boolean isHelper(String function) {
        return HELPERS.contains(function);
    }

    /** The function's own name when {@code function} is a Cython-generated name, else {@code function} unchanged. */
    static String demangle(String function) {
        String rest = withoutFusedMarker(function);
        String prefix = KIND_PREFIXES.stream().filter(rest::startsWith).findFirst().orElse(null);
        if (prefix == null) {
            return function;
        }
        rest = withoutScopes(rest.substring(prefix.length()));
        rest = withoutFusedMarker(withoutLeadingDigits(rest));
        return rest.isEmpty() ? function : rest;
    }

    /** Strips {@code <length><scope>_} as long as one leads and something follows it. */
    private static String withoutScopes(String name) {
        String rest = name;
        while (true) {
            int digits = leadingDigits(rest);
            if (digits == 0 || digits > 9) {
                return rest;
            }
            int length = Integer.parseInt(rest.substring(0, digits));
            int end = digits + length;
            if (length == 0 || end >= rest.length() || rest.charAt(end) != '_' || end + 1 >= rest.length()) {
                return rest;
            }
            rest = rest.substring(end + 1);
        }
    }

    /** A wrapper's counter: Python names never start with a digit, so all leading digits are the counter. */
    private static String withoutLeadingDigits(String name) {
        return name.substring(leadingDigits(name));
    }

    /** Strips {@code __pyx_fuse_<n>[_<n>...]} and the underscore that joins it to the rest. */
    private static String withoutFusedMarker(String name) {
        if (!name.startsWith(FUSED_PREFIX)) {
            return name;
        }
        String rest = name.substring(FUSED_PREFIX.length());
        while (leadingDigits(rest) > 0) {
            rest = rest.substring(leadingDigits(rest));
            if (rest.startsWith("_") && leadingDigits(rest.substring(1)) > 0) {
                rest = rest.substring(1);
            } else {
                break;
            }
        }
        return rest.startsWith("_") && !rest.startsWith("__") ? rest.substring(1) : rest;
    }

    private static int leadingDigits(String text) {
        int count = 0;
        while (count < text.length() && text.charAt(count) >= '0' && text.charAt(count) <= '9') {
            count++;
        }
        return count;
    }
}
