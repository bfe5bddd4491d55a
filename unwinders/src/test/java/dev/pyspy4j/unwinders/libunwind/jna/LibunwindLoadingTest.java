// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind.jna;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Loading libunwind by soname: a library the system lacks leaves a reason that names it, not an error. */
class LibunwindLoadingTest {
    @Test
    void aMissingUnwinderLibraryIsReportedByName() {
        Libunwind.Loaded loaded = Libunwind.load("libunwind-x86_64.so.999", Libunwind.PTRACE_SONAME);
        assertThat(loaded.failure()).contains("libunwind-x86_64.so.999");
        assertThat(loaded.ptraceAccessors()).isZero();
    }

    @Test
    void aMissingPtraceLibraryIsReportedByName() {
        Libunwind.Loaded loaded = Libunwind.load(Libunwind.UNWINDER_SONAME, "libunwind-ptrace.so.999");
        assertThat(loaded.failure()).contains("libunwind-ptrace.so.999");
    }
}
