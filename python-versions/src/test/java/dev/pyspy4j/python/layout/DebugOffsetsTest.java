// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading, validating and applying a {@code _Py_DebugOffsets} table laid out as the 3.15 headers say. */
class DebugOffsetsTest {
    private static final long RUNTIME = 0x7000_0000L;
    private final StructLayouts table = StructLayouts.load(TargetArch.X86_64, "3.15");

    /** A table as a 3.15 interpreter would carry it, with {@code thread_state.current_frame} set to a value. */
    private ByteBuffer blob(long currentFrame) {
        return blob(table, currentFrame, ByteOrder.LITTLE_ENDIAN);
    }

    /** A table laid out as {@code table} says, with its 64-bit entries written in {@code order}. */
    static ByteBuffer blob(StructLayouts table, long currentFrame, ByteOrder order) {
        ByteBuffer bytes = ByteBuffer.allocate(table.size("_Py_DebugOffsets")).order(order);
        bytes.put(0, "xdebugpy".getBytes(StandardCharsets.ISO_8859_1));
        bytes.putLong(8, 0x030f02f0L);
        // Every sub-struct has a plausible size; the fields this test looks at get real values.
        table.entries().forEach((key, offset) -> {
            if (key.startsWith("_Py_DebugOffsets.") && key.endsWith(".size")) {
                bytes.putLong(offset.intValue(), 1 << 16);
            }
        });
        DebugOffsetNames.MAPPING.forEach((field, key) -> {
            if (table.has("_Py_DebugOffsets." + field) && table.has(key)) {
                put(table, bytes, field, table.value(key).getAsLong());
            }
        });
        put(table, bytes, "thread_state.current_frame", currentFrame);
        return bytes;
    }

    private static void put(StructLayouts table, ByteBuffer bytes, String field, long value) {
        bytes.putLong(table.offset("_Py_DebugOffsets." + field), value);
    }

    private DebugOffsets read(ByteBuffer bytes) {
        return DebugOffsets.read(
                new RemoteReader(new FakeProcessMemory().put(RUNTIME, bytes.array()), TargetArch.X86_64), RUNTIME,
                table);
    }

    @Test
    void theTargetsValuesOverrideTheGeneratedOnes() {
        DebugOffsets offsets = read(blob(0x58));
        assertThat(offsets.version()).hasToString("3.15.2");
        assertThat(offsets.field("thread_state.current_frame")).isEqualTo(0x58);
        StructLayouts merged = offsets.overlay(table);
        assertThat(merged.offset("PyThreadState.current_frame")).isEqualTo(0x58);
        assertThat(merged.offset("_PyRuntimeState.interpreters.head"))
                .isEqualTo(table.offset("_PyRuntimeState.interpreters.head"));
        // Fields the target does not describe keep the generated values.
        assertThat(merged.offset("_PyStackChunk.top")).isEqualTo(table.offset("_PyStackChunk.top"));
    }

    @Test
    void readsTheEntriesInTheTargetsByteOrder() {
        TargetArch bigEndian = new TargetArch("s390x", 8, ByteOrder.BIG_ENDIAN);
        RemoteReader reader = new RemoteReader(
                new FakeProcessMemory().put(RUNTIME, blob(table, 0x58, ByteOrder.BIG_ENDIAN).array()), bigEndian);

        DebugOffsets offsets = DebugOffsets.read(reader, RUNTIME, table);

        assertThat(DebugOffsets.readVersion(reader, RUNTIME)).hasToString("3.15.2");
        assertThat(offsets.version()).hasToString("3.15.2");
        assertThat(offsets.field("thread_state.current_frame")).isEqualTo(0x58);
    }

    @Test
    void undescribedFieldsMoveWithTheirClosestDescribedNeighbour() {
        // As if a patch release had inserted 16 bytes before datastack_chunk: datastack_top moves along.
        ByteBuffer bytes = blob(0x58);
        put(table, bytes, "thread_state.datastack_chunk", table.offset("PyThreadState.datastack_chunk") + 16L);
        StructLayouts merged = read(bytes).overlay(table);
        assertThat(merged.offset("PyThreadState.datastack_top"))
                .isEqualTo(table.offset("PyThreadState.datastack_top") + 16);
        assertThat(merged.offset("PyThreadState.interp")).isEqualTo(table.offset("PyThreadState.interp"));
    }

    @Test
    void anOffsetOutsideItsStructDoesNotValidate() {
        assertThatThrownBy(() -> read(blob(table.size("PyThreadState") + 8L)))
                .isInstanceOf(SpyException.class)
                .hasMessageContaining("does not validate: thread_state.current_frame")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
    }

    @Test
    void anAbsurdStructSizeDoesNotValidate() {
        ByteBuffer bytes = blob(0x58);
        put(table, bytes, "thread_state.size", 1L << 40);
        assertThatThrownBy(() -> read(bytes)).hasMessageContaining("thread_state.size");
    }

    @Test
    void aVersionWordNamingNoPythonIsAFailedRead() {
        ByteBuffer bytes = blob(0x58);
        bytes.putLong(8, 0);

        assertThatThrownBy(() -> read(bytes)).isInstanceOfSatisfying(SpyException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.MEMORY_READ))
                .hasMessage("_Py_DebugOffsets at 0x70000000 names no Python version (0x0)");
    }

    @Test
    void noCookieNoTable() {
        ByteBuffer bytes = blob(0x58);
        bytes.put(0, (byte) 'X');
        assertThatThrownBy(() -> read(bytes)).hasMessageContaining("has no 'xdebugpy' cookie");
        assertThat(DebugOffsets.hasCookie(
                new RemoteReader(new FakeProcessMemory().put(RUNTIME, bytes.array()), TargetArch.X86_64),
                RUNTIME)).isFalse();
    }

    @Test
    void everyMappedKeyExistsInTheTablesOf313To315() {
        for (String minor : new String[] {"3.13", "3.14", "3.15"}) {
            StructLayouts layouts = StructLayouts.load(TargetArch.X86_64, minor);
            for (Map.Entry<String, String> mapping : DebugOffsetNames.MAPPING.entrySet()) {
                if (layouts.has("_Py_DebugOffsets." + mapping.getKey())) {
                    assertThat(layouts.has(mapping.getValue())).as(minor + " " + mapping.getValue()).isTrue();
                }
            }
        }
    }
}
