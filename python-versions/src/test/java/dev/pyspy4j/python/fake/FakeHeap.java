// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.fake;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds CPython 3.11+ objects (str, bytes, int, dict, module, type) in a {@link FakeProcessMemory}, laid out
 * exactly as the generated layout table of the version says, so walkers can be tested without a process.
 */
public final class FakeHeap {
    private final StructLayouts t;
    private final FakeProcessMemory memory = new FakeProcessMemory();
    private long next = 0x1000_0000L;
    private final long strType;
    private final long bytesType;
    private final long intType;
    private final long boolType;
    private final long floatType;
    private final long noneType;
    private final long dictType;
    private final long listType;
    private final long tupleType;
    private final long setType;
    private final long moduleType;
    private final long codeType;

    public FakeHeap(StructLayouts tables) {
        this.t = tables;
        this.strType = type("str", flag("Py_TPFLAGS_UNICODE_SUBCLASS"), 0, 0);
        this.bytesType = type("bytes", flag("Py_TPFLAGS_BYTES_SUBCLASS"), 0, 0);
        this.intType = type("int", flag("Py_TPFLAGS_LONG_SUBCLASS"), 0, 0);
        this.boolType = type("bool", flag("Py_TPFLAGS_LONG_SUBCLASS"), 0, 0);
        this.floatType = type("float", 0, 0, 0);
        this.noneType = type("NoneType", 0, 0, 0);
        this.dictType = type("dict", flag("Py_TPFLAGS_DICT_SUBCLASS"), 0, 0);
        this.listType = type("list", flag("Py_TPFLAGS_LIST_SUBCLASS"), 0, 0);
        this.tupleType = type("tuple", flag("Py_TPFLAGS_TUPLE_SUBCLASS"), 0, 0);
        this.setType = type("set", 0, 0, 0);
        this.moduleType = type("module", 0, 0, 0);
        this.codeType = type("code", 0, 0, 0);
    }

    /** The address of the fake {@code PyCode_Type}. */
    public long codeType() {
        return codeType;
    }

    private long flag(String name) {
        return t.constant(name);
    }

    public FakeProcessMemory memory() {
        return memory;
    }

    public StructLayouts tables() {
        return t;
    }

    /** Reserves {@code size} bytes, 16-aligned, with unmapped gaps between allocations to catch overreads. */
    public long allocate(int size) {
        long address = next;
        next += ((size + 15) & ~15) + 64;
        return address;
    }

    /** A fresh little-endian struct buffer; place it with {@link #place}. */
    public ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    public long place(ByteBuffer bytes) {
        long address = allocate(bytes.capacity());
        memory.put(address, bytes.array());
        return address;
    }

    public void placeAt(long address, ByteBuffer bytes) {
        memory.put(address, bytes.array());
    }

    /** A compact {@code str} of the narrowest kind that holds {@code text}, as CPython builds it. */
    public long str(String text) {
        int[] points = text.codePoints().toArray();
        int max = 0;
        for (int p : points) {
            max = Math.max(max, p);
        }
        boolean ascii = max < 128;
        int kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
        int header = ascii ? t.size("PyASCIIObject") : t.size("PyCompactUnicodeObject");
        ByteBuffer b = buffer(header + (points.length + 1) * kind);
        b.putLong(t.offset("PyObject.ob_type"), strType);
        b.putLong(t.offset("PyASCIIObject.length"), points.length);
        long state = field(t.mask("PyASCIIObject.state.kind"), kind) | t.mask("PyASCIIObject.state.compact")
                | (ascii ? t.mask("PyASCIIObject.state.ascii") : 0);
        b.putInt(t.offset("PyASCIIObject.state"), (int) state);
        for (int i = 0; i < points.length; i++) {
            switch (kind) {
                case 1 -> b.put(header + i, (byte) points[i]);
                case 2 -> b.putShort(header + i * 2, (short) points[i]);
                default -> b.putInt(header + i * 4, points[i]);
            }
        }
        return place(b);
    }

    public long bytes(byte[] data) {
        int start = t.offset("PyBytesObject.ob_sval");
        ByteBuffer b = buffer(start + data.length + 1);
        b.putLong(t.offset("PyObject.ob_type"), bytesType);
        b.putLong(t.offset("PyVarObject.ob_size"), data.length);
        b.put(start, data);
        return place(b);
    }

    public long bytes(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code int} of up to a few 30-bit digits (3.11's signed {@code ob_size} encoding). */
    public long integer(BigInteger value) {
        return integer(value, intType);
    }

    private long integer(BigInteger value, long type) {
        BigInteger magnitude = value.abs();
        int digits = Math.max(1, (magnitude.bitLength() + 29) / 30);
        if (magnitude.signum() == 0) {
            digits = 0;
        }
        int start = t.offset("PyLongObject.ob_digit");
        ByteBuffer b = buffer(start + Math.max(1, digits) * 4);
        b.putLong(t.offset("PyObject.ob_type"), type);
        b.putLong(t.offset("PyVarObject.ob_size"), value.signum() < 0 ? -digits : digits);
        for (int i = 0; i < digits; i++) {
            b.putInt(start + i * 4, magnitude.shiftRight(30 * i).intValue() & 0x3FFF_FFFF);
        }
        return place(b);
    }

    /** A combined-table dict; {@code unicodeKeys} selects 3.11's 16-byte str-only entries. */
    public long dict(Map<Long, Long> items, boolean unicodeKeys) {
        long keys = keys(items.keySet().stream().toList(), unicodeKeys ? items.values().stream().toList() : null,
                unicodeKeys ? null : items.values().stream().toList());
        ByteBuffer d = buffer(48);
        d.putLong(t.offset("PyObject.ob_type"), dictType);
        d.putLong(t.offset("PyDictObject.ma_used"), items.size());
        d.putLong(t.offset("PyDictObject.ma_keys"), keys);
        return place(d);
    }

    /** A keys object; values go in unicode entries, general entries, or nowhere (split tables). */
    public long keys(List<Long> keyObjects, List<Long> unicodeValues, List<Long> generalValues) {
        int log2Size = 3;
        while ((1 << log2Size) < keyObjects.size() * 3 / 2 + 1) {
            log2Size++;
        }
        int indexBytes = 1 << log2Size;
        boolean unicode = generalValues == null;
        int entrySize = unicode ? t.size("PyDictUnicodeEntry") : t.size("PyDictKeyEntry");
        int entries = t.offset("_dictkeysobject.dk_indices") + indexBytes;
        ByteBuffer k = buffer(entries + keyObjects.size() * entrySize);
        k.put(t.offset("_dictkeysobject.dk_log2_size"), (byte) log2Size);
        k.put(t.offset("_dictkeysobject.dk_log2_index_bytes"), (byte) log2Size);
        k.put(t.offset("_dictkeysobject.dk_kind"), (byte) (unicode ? 1 : 0));
        k.putLong(t.offset("_dictkeysobject.dk_nentries"), keyObjects.size());
        for (int i = 0; i < keyObjects.size(); i++) {
            int at = entries + i * entrySize;
            if (unicode) {
                k.putLong(at, keyObjects.get(i));
                k.putLong(at + 8, unicodeValues == null ? 0 : unicodeValues.get(i));
            } else {
                k.putLong(at + 8, keyObjects.get(i));
                k.putLong(at + 16, generalValues.get(i));
            }
        }
        return place(k);
    }

    public long bool(boolean value) {
        return integer(BigInteger.valueOf(value ? 1 : 0), boolType);
    }

    public long none() {
        ByteBuffer b = buffer(16);
        b.putLong(t.offset("PyObject.ob_type"), noneType);
        return place(b);
    }

    public long floating(double value) {
        ByteBuffer b = buffer(t.offset("PyFloatObject.ob_fval") + 8);
        b.putLong(t.offset("PyObject.ob_type"), floatType);
        b.putDouble(t.offset("PyFloatObject.ob_fval"), value);
        return place(b);
    }

    public long tuple(long... items) {
        int start = t.offset("PyTupleObject.ob_item");
        ByteBuffer b = buffer(start + Math.max(1, items.length) * 8);
        b.putLong(t.offset("PyObject.ob_type"), tupleType);
        b.putLong(t.offset("PyVarObject.ob_size"), items.length);
        for (int i = 0; i < items.length; i++) {
            b.putLong(start + i * 8, items[i]);
        }
        return place(b);
    }

    public long list(long... items) {
        ByteBuffer array = buffer(Math.max(1, items.length) * 8);
        for (int i = 0; i < items.length; i++) {
            array.putLong(i * 8, items[i]);
        }
        ByteBuffer b = buffer(t.offset("PyListObject.ob_item") + 16);
        b.putLong(t.offset("PyObject.ob_type"), listType);
        b.putLong(t.offset("PyVarObject.ob_size"), items.length);
        b.putLong(t.offset("PyListObject.ob_item"), place(array));
        return place(b);
    }

    /** A set whose table has one slot per member plus empty slots. */
    public long set(long... members) {
        int slots = 8;
        while (slots < members.length * 2) {
            slots *= 2;
        }
        ByteBuffer table = buffer(slots * t.size("setentry"));
        for (int i = 0; i < members.length; i++) {
            table.putLong(i * 2 * t.size("setentry") + t.offset("setentry.key"), members[i]);
        }
        ByteBuffer b = buffer(t.size("PySetObject"));
        b.putLong(t.offset("PyObject.ob_type"), setType);
        b.putLong(t.offset("PySetObject.used"), members.length);
        b.putLong(t.offset("PySetObject.mask"), slots - 1);
        b.putLong(t.offset("PySetObject.table"), place(table));
        return place(b);
    }

    public long module(long dict) {
        ByteBuffer m = buffer(64);
        m.putLong(t.offset("PyObject.ob_type"), moduleType);
        m.putLong(t.offset("PyModuleObject.md_dict"), dict);
        return place(m);
    }

    /** A type object with a name, flags and, for heap types, cached keys for values-only instance dicts. */
    public long type(String name, long flags, long dictOffset, long cachedKeys) {
        // Like .rodata, the name's page is mapped to its end: place it at the end of a page-sized block.
        byte[] text = (name + "\0").getBytes(StandardCharsets.UTF_8);
        long page = (allocate(8192) + 4095) & ~4095L;
        long nameAddress = page + 4096 - text.length;
        memory.put(page, new byte[4096 - text.length]).put(nameAddress, text);
        ByteBuffer b = buffer(t.size("PyHeapTypeObject"));
        b.putLong(t.offset("PyTypeObject.tp_name"), nameAddress);
        b.putLong(t.offset("PyTypeObject.tp_flags"), flags);
        b.putLong(t.offset("PyTypeObject.tp_dictoffset"), dictOffset);
        b.putLong(t.offset("PyHeapTypeObject.ht_cached_keys"), cachedKeys);
        return place(b);
    }

    private static long field(long mask, long value) {
        return (value << Long.numberOfTrailingZeros(mask)) & mask;
    }
}
