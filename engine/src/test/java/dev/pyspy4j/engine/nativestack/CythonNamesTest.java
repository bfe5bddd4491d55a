// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CythonNamesTest {
    @ParameterizedTest
    @CsvSource({
        "__pyx_pw_7example_1fib, fib",
        "__pyx_pf_7example_fib, fib",
        "__pyx_f_7example_cfunc, cfunc",
        "__pyx_pw_7example_3Foo_1bar, bar",
        "__pyx_pf_7example_3Foo_bar, bar",
        "__pyx_pf_3pkg_3mod_5Klass_6method, method",
        "__pyx_fuse_0__pyx_f_7example_typed, typed",
        "__pyx_fuse_1_0__pyx_pf_7example_typed, typed",
        "__pyx_pw_7example_7__pyx_fuse_0typed, typed",
        "__pyx_pf_7example_long_name, long_name",
        "spin, spin",
        "__pyx_module_exec, __pyx_module_exec",
        "__pyx_pw_, __pyx_pw_",
        "__pyx_pw_99, __pyx_pw_99",
    })
    void demangles(String mangled, String readable) {
        assertThat(CythonNames.demangle(mangled)).isEqualTo(readable);
    }
}
