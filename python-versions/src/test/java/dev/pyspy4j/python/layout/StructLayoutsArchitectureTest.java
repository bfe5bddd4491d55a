// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Layout tables are looked up by architecture as well as by version. */
class StructLayoutsArchitectureTest {
    @Test
    void loadsTheTableOfAVersionOnX8664() {
        StructLayouts table = StructLayouts.load(TargetArch.X86_64, "3.11");

        assertThat(table.minorVersion()).isEqualTo("3.11");
        assertThat(table.size("PyObject")).isEqualTo(16);
        assertThat(StructLayouts.find(TargetArch.X86_64, "3.99")).isEmpty();
    }

    @Test
    void matchesAnArchitectureByPointerSizeAndByteOrderAsWellAsByName() {
        assertThat(StructLayouts.hasTablesFor(TargetArch.X86_64)).isTrue();
        assertThat(StructLayouts.hasTablesFor(new TargetArch("x86_64", 4, ByteOrder.LITTLE_ENDIAN))).isFalse();
        assertThat(StructLayouts.hasTablesFor(new TargetArch("x86_64", 8, ByteOrder.BIG_ENDIAN))).isFalse();
        assertThat(StructLayouts.hasTablesFor(TargetArch.AARCH64)).isFalse();
    }

    @Test
    void refusesAnArchitectureWithoutTablesAsAnUnsupportedPython() {
        TargetArch bigEndian = new TargetArch("s390x", 8, ByteOrder.BIG_ENDIAN);

        assertThatThrownBy(() -> StructLayouts.find(bigEndian, "3.11")).isInstanceOfSatisfying(SpyException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PYTHON);
                    assertThat(e.getMessage()).isEqualTo("CPython on s390x (64-bit, big-endian) is not supported: "
                            + "pyspy4j has struct layouts only for x86_64 (64-bit, little-endian)");
                });
        assertThatThrownBy(() -> StructLayouts.load(TargetArch.AARCH64, "3.11")).isInstanceOf(SpyException.class);
    }
}
