// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Reads Python {@code int} (and Python 2 {@code long}) objects: 30-bit digits with the sign and digit count either in {@code ob_size}
 * (up to 3.11) or in {@code long_value.lv_tag} (3.12+: count in the bits above 3, sign 2 = negative).
 */
public final class LongReader {
    /** Digits beyond this are refused (2^1920); thread ids and counters need at most three. */
    public static final int MAX_DIGITS = 64;

    private final RemoteReader reader;
    private final int sizeField;
    private final int digits;
    private final boolean taggedSize;
    private final int shift;
    private final int shortValue;
    private final long shortFlag;
    private final int obType;
    private final int tpFlags;

    public LongReader(RemoteReader reader, StructLayouts t) {
        this.reader = reader;
        this.taggedSize = t.has("PyLongObject.long_value.lv_tag");
        this.sizeField = taggedSize ? t.offset("PyLongObject.long_value.lv_tag") : t.offset("PyVarObject.ob_size");
        this.digits = taggedSize ? t.offset("PyLongObject.long_value.ob_digit") : t.offset("PyLongObject.ob_digit");
        this.shift = t.has("const.PyLong_SHIFT") ? (int) t.constant("PyLong_SHIFT") : 30;
        // Python 2 also has the machine-word int type, flagged Py_TPFLAGS_INT_SUBCLASS.
        this.shortValue = t.has("PyIntObject.ob_ival") ? t.offset("PyIntObject.ob_ival") : -1;
        this.shortFlag = t.has("const.Py_TPFLAGS_INT_SUBCLASS") ? t.constant("Py_TPFLAGS_INT_SUBCLASS") : 0;
        this.obType = t.offset("PyObject.ob_type");
        this.tpFlags = t.offset("PyTypeObject.tp_flags");
    }

    /** The value of the {@code int} at {@code address}. */
    public BigInteger read(long address) {
        if (shortValue >= 0 && (reader.pointer(reader.pointer(address + obType) + tpFlags) & shortFlag) != 0) {
            return BigInteger.valueOf(reader.pointer(address + shortValue));
        }
        long size = reader.pointer(address + sizeField);
        int count;
        boolean negative;
        if (taggedSize) {
            count = (int) Math.min(Integer.MAX_VALUE, size >>> 3);
            negative = (size & 3) == 2;
        } else {
            count = (int) Math.min(Integer.MAX_VALUE, Math.abs(size));
            negative = size < 0;
        }
        if (count > MAX_DIGITS) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible int of " + count + " digits at 0x"
                    + Long.toHexString(address));
        }
        if (count == 0) {
            return BigInteger.ZERO;
        }
        ByteBuffer digitBytes = reader.struct(address + digits, count * 4);
        BigInteger value = BigInteger.ZERO;
        for (int i = count - 1; i >= 0; i--) {
            value = value.shiftLeft(shift).or(BigInteger.valueOf(Integer.toUnsignedLong(digitBytes.getInt(i * 4))));
        }
        return negative ? value.negate() : value;
    }
}
