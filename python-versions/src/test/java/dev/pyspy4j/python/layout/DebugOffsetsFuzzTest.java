// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@code _Py_DebugOffsets} table is read from the target's memory, so it can hold anything: reading it and laying
 * the structs out from it either succeeds or fails with SpyException(MEMORY_READ), never another exception. The inputs
 * are well-formed 3.13 to 3.15 tables with entries overwritten, and random bytes behind the cookie.
 */
@Fuzz
class DebugOffsetsFuzzTest {
    private static final long RUNTIME = 0x7000_0000L;
    private static final Map<String, StructLayouts> SHAPES = Map.of(
            "3.13", StructLayouts.load(TargetArch.X86_64, "3.13"),
            "3.14", StructLayouts.load(TargetArch.X86_64, "3.14"),
            "3.15", StructLayouts.load(TargetArch.X86_64, "3.15"));

    record Overwrite(int slot, long value) {
    }

    @Property(tries = 2000)
    void aTableWithEntriesOverwrittenReadsOrIsRefused(@ForAll("versions") String version,
                                                      @ForAll("overwrites") List<Overwrite> overwrites) {
        StructLayouts shape = SHAPES.get(version);
        ByteBuffer bytes = DebugOffsetsTest.blob(shape, 0x58, ByteOrder.LITTLE_ENDIAN);
        int slots = bytes.capacity() / Long.BYTES;
        for (Overwrite overwrite : overwrites) {
            bytes.putLong(overwrite.slot() % slots * Long.BYTES, overwrite.value());
        }
        assertReadsOrIsRefused(bytes.array(), shape);
    }

    @Property(tries = 2000)
    void randomBytesBehindTheCookieReadOrAreRefused(@ForAll("versions") String version, @ForAll long seed) {
        StructLayouts shape = SHAPES.get(version);
        byte[] bytes = new byte[shape.size("_Py_DebugOffsets")];
        new java.util.Random(seed).nextBytes(bytes);
        System.arraycopy(DebugOffsets.COOKIE.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 0, 8);
        assertReadsOrIsRefused(bytes, shape);
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.of(SHAPES.keySet());
    }

    @Provide
    Arbitrary<List<Overwrite>> overwrites() {
        Arbitrary<Long> values = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-16, 1 << 17),
                Arbitraries.of(0L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 1L << 40));
        return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), values)
                .as(Overwrite::new).list().ofMinSize(1).ofMaxSize(6);
    }

    private static void assertReadsOrIsRefused(byte[] bytes, StructLayouts shape) {
        RemoteReader reader = new RemoteReader(new FakeProcessMemory().put(RUNTIME, bytes), TargetArch.X86_64);
        try {
            if (DebugOffsets.hasCookie(reader, RUNTIME)) {
                DebugOffsets.readVersion(reader, RUNTIME);
                DebugOffsets.readFreeThreaded(reader, RUNTIME);
            }
            DebugOffsets offsets = DebugOffsets.read(reader, RUNTIME, shape);
            StructLayouts laidOut = offsets.overlay(shape);
            assertThat(laidOut.entries()).containsOnlyKeys(shape.entries().keySet());
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MEMORY_READ);
            assertThat(e.getMessage()).startsWith("_Py_DebugOffsets");
        }
    }
}
