// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * {@code _Py_AsyncioModuleDebugOffsets} comes from the target's memory: garbage is refused with a
 * {@link SpyException}, never taken for offsets that send reads far outside a task or a thread state.
 */
class AsyncioDebugOffsetsPropertiesTest {
    @Property
    void garbageIsRefusedOrGivesOffsetsInsideTheirStructs(@ForAll @Size(AsyncioDebugOffsets.SIZE) byte[] raw) {
        AsyncioDebugOffsets offsets;
        try {
            offsets = AsyncioDebugOffsets.parse(ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN));
        } catch (SpyException e) {
            return;
        }
        TaskLayout layout = offsets.taskLayout();
        assertThat(layout.taskFutWaiter()).isBetween(16, offsets.taskSize() - 16);
        assertThat(layout.taskCoro()).isBetween(24, offsets.taskSize() - 8);
        assertThat(layout.taskName()).isBetween(24, offsets.taskSize() - 8);
        assertThat(offsets.taskNode()).isBetween(24, offsets.taskSize() - 8);
        assertThat(layout.futureState()).isBetween(24, offsets.taskSize() - 5);
        assertThat(offsets.threadTasksHead()).isBetween(0, 1 << 24);
        assertThat(offsets.interpreterTasksHead()).isBetween(0, 1 << 24);
    }

    /** Small values, as real structs have, so that many parse: each derived field must stay inside its struct. */
    @Property
    void smallValuesParseOnlyIntoFieldsInsideTheirStructs(
            @ForAll @Size(13) java.util.List<@net.jqwik.api.constraints.IntRange(max = 400) Integer> values) {
        ByteBuffer raw = ByteBuffer.allocate(AsyncioDebugOffsets.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.size(); i++) {
            raw.putLong(i * 8, values.get(i));
        }
        garbageIsRefusedOrGivesOffsetsInsideTheirStructs(raw.array());
    }

    @Example
    void readsTheValuesOfARealBuild() {
        ByteBuffer raw = ByteBuffer.allocate(AsyncioDebugOffsets.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long[] python314 = {168, 136, 96, 108, 109, 128, 152, 225864, 10880, 936, 864, 872, 880};
        for (int i = 0; i < python314.length; i++) {
            raw.putLong(i * 8, python314[i]);
        }

        AsyncioDebugOffsets offsets = AsyncioDebugOffsets.parse(raw);

        assertThat(offsets).isEqualTo(new AsyncioDebugOffsets(168, 136, 108, 128, 152, 10880, 864, 872, 880));
        TaskLayout layout = offsets.taskLayout();
        assertThat(layout).isEqualTo(new TaskLayout(16, 104, 120, 128, 136));
    }
}
