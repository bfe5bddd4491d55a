// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider reads only architectures it has struct layouts for, and says so for the others. */
class CPythonLayoutProviderArchitectureTest {
    private static final long PY_VERSION = 0x1000_0000L;
    private static final TargetArch BIG_ENDIAN_64 = new TargetArch("s390x", 8, ByteOrder.BIG_ENDIAN);
    /** The x32 ABI: x86_64 instructions with 4-byte pointers, so x86_64's tables do not fit it. */
    private static final TargetArch X32 = new TargetArch("x86_64", 4, ByteOrder.LITTLE_ENDIAN);

    private final CPythonInterpreterProvider provider = new CPythonInterpreterProvider();

    @Test
    void supportsTheArchitecturesWithLayoutTables() {
        assertThat(provider.isSupported(new Platform(OsFamily.LINUX, TargetArch.X86_64))).isTrue();
        assertThat(provider.isSupported(new Platform(OsFamily.MACOS, TargetArch.X86_64))).isTrue();
    }

    @Test
    void doesNotSupportArchitecturesWithoutTables() {
        assertThat(provider.isSupported(new Platform(OsFamily.LINUX, TargetArch.AARCH64))).isFalse();
        assertThat(provider.isSupported(new Platform(OsFamily.LINUX, BIG_ENDIAN_64))).isFalse();
        assertThat(provider.isSupported(new Platform(OsFamily.LINUX, X32))).isFalse();
    }

    @Test
    void refusesAPythonOnABigEndianTargetInOneLine() {
        FakeTarget target = python311(ByteOrder.BIG_ENDIAN).withArch(BIG_ENDIAN_64);

        assertThatThrownBy(() -> provider.open(target)).isInstanceOfSatisfying(SpyException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PYTHON);
            assertThat(e.getMessage()).doesNotContain("\n")
                    .contains("s390x (64-bit, big-endian) is not supported")
                    .contains("only for x86_64 (64-bit, little-endian)");
        });
    }

    @Test
    void refusesAPythonWhosePointerSizeDiffersFromTheTables() {
        FakeTarget target = python311(ByteOrder.LITTLE_ENDIAN).withArch(X32);

        assertThatThrownBy(() -> provider.open(target)).isInstanceOfSatisfying(SpyException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PYTHON);
            assertThat(e.getMessage()).contains("x86_64 (32-bit, little-endian) is not supported");
        });
    }

    @Test
    void refusesAarch64UntilItHasTables() {
        FakeTarget target = python311(ByteOrder.LITTLE_ENDIAN).withArch(TargetArch.AARCH64);

        assertThatThrownBy(() -> provider.open(target)).isInstanceOfSatisfying(SpyException.class,
                e -> assertThat(e.getMessage()).contains("aarch64 (64-bit, little-endian) is not supported"));
    }

    /** A program that defines {@code Py_Version} = 3.11.7, the word written in {@code order}. */
    private static FakeTarget python311(ByteOrder order) {
        byte[] version = ByteBuffer.allocate(8).order(order).putLong(0, 0x030b07f0L).array();
        return FakeTarget.program(new FakeProcessMemory().put(PY_VERSION, version), Map.of("Py_Version", PY_VERSION));
    }
}
