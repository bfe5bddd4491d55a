// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.TargetArch;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders fake CPython 3.11 objects the way {@code dump --locals} shows them. */
class ReprFormatterTest {
    private final StructLayouts tables = StructLayouts.load(TargetArch.X86_64, "3.11");
    private final FakeHeap heap = new FakeHeap(tables);

    private String repr(long address, int budget) {
        ObjectReader objects = ObjectReader.python3(new RemoteReader(heap.memory(), TargetArch.X86_64), tables,
                ManagedDictStyle.VALUES_BEFORE_HEADER);
        return new ReprFormatter(objects, tables).format(address, budget);
    }

    @Test
    void rendersScalars() {
        assertThat(repr(heap.integer(BigInteger.valueOf(-42)), 128)).isEqualTo("-42");
        assertThat(repr(heap.integer(new BigInteger("123456789123456789123456789")), 128))
                .isEqualTo("123456789123456789123456789");
        assertThat(repr(heap.bool(true), 128)).isEqualTo("True");
        assertThat(repr(heap.bool(false), 128)).isEqualTo("False");
        assertThat(repr(heap.none(), 128)).isEqualTo("None");
        assertThat(repr(heap.floating(3.1415), 128)).isEqualTo("3.1415");
        assertThat(repr(heap.floating(1.0), 128)).isEqualTo("1.0");
        assertThat(repr(heap.floating(1e16), 128)).isEqualTo("1e+16");
        assertThat(repr(heap.floating(0.00001), 128)).isEqualTo("1e-05");
    }

    @Test
    void quotesAndEscapesText() {
        assertThat(repr(heap.str("héllo \"wörld\"\n"), 128)).isEqualTo("\"héllo \\\"wörld\\\"\\n\"");
        assertThat(repr(heap.str("名前"), 128)).isEqualTo("\"名前\"");
        assertThat(repr(heap.bytes(new byte[] {'a', 0, (byte) 0xff, '"'}), 128)).isEqualTo("b\"a\\x00\\xff\\\"\"");
    }

    @Test
    void cutsLongTextAtTheBudget() {
        String text = repr(heap.str("x".repeat(500)), 128);
        assertThat(text).hasSize(128 - 5 + 5).startsWith("\"xxx").endsWith("x...\"");
        assertThat(repr(heap.str("x".repeat(500)), 256)).hasSize(256);
    }

    @Test
    void rendersContainers() {
        long one = heap.integer(BigInteger.ONE);
        long two = heap.str("two");
        assertThat(repr(heap.list(one, heap.floating(2.5), heap.none()), 128)).isEqualTo("[1, 2.5, None]");
        assertThat(repr(heap.tuple(one, two), 128)).isEqualTo("(1, \"two\")");
        assertThat(repr(heap.tuple(one), 128)).isEqualTo("(1,)");
        assertThat(repr(heap.tuple(), 128)).isEqualTo("()");
        assertThat(repr(heap.set(one), 128)).isEqualTo("{1}");
        assertThat(repr(heap.set(), 128)).isEqualTo("set()");
        Map<Long, Long> items = new LinkedHashMap<>();
        items.put(heap.str("a"), heap.bool(false));
        items.put(heap.str("b"), heap.tuple(one, heap.integer(BigInteger.TWO)));
        assertThat(repr(heap.dict(items, true), 128)).isEqualTo("{\"a\": False, \"b\": (1, 2)}");
    }

    @Test
    void stopsContainersWhenTheBudgetRunsOut() {
        long[] many = new long[100];
        for (int i = 0; i < many.length; i++) {
            many[i] = heap.integer(BigInteger.valueOf(1000 + i));
        }
        String text = repr(heap.list(many), 64);
        assertThat(text).startsWith("[1000, 1001, ").endsWith(", ...]").hasSizeLessThan(80);
        assertThat(repr(heap.list(many), 5)).isEqualTo("...");
    }

    @Test
    void namesOtherObjectsByTypeAndAddressAndUnreadableOnesWithAQuestionMark() {
        long objectType = heap.type("Widget", 0, 0, 0);
        java.nio.ByteBuffer widget = heap.buffer(16);
        widget.putLong(tables.offset("PyObject.ob_type"), objectType);
        long address = heap.place(widget);
        assertThat(repr(address, 128)).isEqualTo("<Widget at 0x" + Long.toHexString(address) + ">");
        assertThat(repr(0x10, 128)).isEqualTo("?");
    }
}
