// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code NSpid} line of a {@code status} file, as kernels write it. */
class PidNamespaceTest {
    @Test
    void aTaskOfANestedNamespaceHasItsInnermostId() {
        assertThat(PidNamespace.innermostId("Name:\tpython3\nTgid:\t16506\nNSpid:\t16506\t1\nNSpgid:\t16503\t0\n"))
                .contains(1L);
        assertThat(PidNamespace.innermostId("NSpid:\t900\t40\t7\n")).contains(7L);
    }

    @Test
    void aTaskOfThisNamespaceOrAnOldKernelHasNone() {
        assertThat(PidNamespace.innermostId("Name:\tpython3\nNSpid:\t16506\n")).isEmpty();
        assertThat(PidNamespace.innermostId("Name:\tpython3\nPid:\t16506\n")).isEmpty();
    }

    @Test
    void garbageIsNoId() {
        assertThat(PidNamespace.innermostId("NSpid:\t16506\tx\n")).isEmpty();
        assertThat(PidNamespace.innermostId("NSpid:\t16506\t0\n")).isEqualTo(Optional.empty());
        assertThat(PidNamespace.innermostId("NSpid:")).isEmpty();
    }
}
