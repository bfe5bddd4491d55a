// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The generated struct layout table of one CPython minor version on one architecture: field offsets by C name
 * ({@code PyThreadState.next}, {@code _PyRuntimeState.interpreters.head}), struct sizes
 * ({@code sizeof(PyThreadState)}), constants ({@code const.FRAME_OWNED_BY_CSTACK}) and bit-field masks
 * ({@code mask.PyASCIIObject.state.kind}). Tables are resources generated from the interpreter's headers by
 * {@code LayoutGenerator}, one directory per architecture ({@code layout/x86_64/cpython-3.11.properties}), since
 * sizes and offsets follow the architecture's pointer size and alignment rules; nothing here is typed by hand.
 */
public final class StructLayouts {
    /**
     * The architectures with generated tables. A table holds only for the exact pointer size and byte order it was
     * measured with, so an architecture matches by all three of name, pointer size and byte order.
     */
    public static final List<TargetArch> ARCHITECTURES = List.of(TargetArch.X86_64);

    private static final String RESOURCE = "/dev/pyspy4j/python/layout/%s/cpython-%s.properties";

    private final String minorVersion;
    private final Map<String, Long> values;

    StructLayouts(String minorVersion, Map<String, Long> values) {
        this.minorVersion = minorVersion;
        this.values = Map.copyOf(values);
    }

    /** A table from explicit values, for tests that lay out fake memory. */
    public static StructLayouts of(String minorVersion, Map<String, Long> values) {
        return new StructLayouts(minorVersion, values);
    }

    /** Whether tables were generated for {@code arch}. */
    public static boolean hasTablesFor(TargetArch arch) {
        return ARCHITECTURES.contains(arch);
    }

    /**
     * Refuses an architecture without tables, before anything reads the target with layouts measured for another.
     *
     * @throws SpyException UNSUPPORTED_PYTHON
     */
    public static void requireTablesFor(TargetArch arch) {
        if (!hasTablesFor(arch)) {
            throw new SpyException(FailureKind.UNSUPPORTED_PYTHON, "CPython on " + describe(arch)
                    + " is not supported: pyspy4j has struct layouts only for " + String.join(", ",
                    ARCHITECTURES.stream().map(StructLayouts::describe).toList()));
        }
    }

    private static String describe(TargetArch arch) {
        return arch.name() + " (" + arch.pointerSize() * 8 + "-bit, "
                + (arch.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little") + "-endian)";
    }

    /**
     * The table for {@code major.minor} on {@code arch}, if one was generated.
     *
     * @throws SpyException UNSUPPORTED_PYTHON when {@code arch} has no tables at all
     */
    public static Optional<StructLayouts> find(TargetArch arch, String minorVersion) {
        requireTablesFor(arch);
        String resource = String.format(RESOURCE, arch.name(), minorVersion);
        try (InputStream in = StructLayouts.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, Long> values = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                values.put(key, Long.decode(properties.getProperty(key).trim()));
            }
            return Optional.of(new StructLayouts(minorVersion, values));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the layout table of CPython " + minorVersion, e);
        }
    }

    /**
     * The table for {@code major.minor} on {@code arch}; a missing table of a supported architecture is a
     * packaging bug.
     *
     * @throws SpyException UNSUPPORTED_PYTHON when {@code arch} has no tables at all
     */
    public static StructLayouts load(TargetArch arch, String minorVersion) {
        return find(arch, minorVersion).orElseThrow(() -> new IllegalArgumentException(
                "no layout table for CPython " + minorVersion + " on " + arch.name()));
    }

    public String minorVersion() {
        return minorVersion;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public OptionalLong value(String key) {
        Long value = values.get(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Offset of a field, e.g. {@code offset("PyThreadState.next")}. */
    public int offset(String field) {
        return (int) require(field);
    }

    /** {@code sizeof} of a struct, e.g. {@code size("PyThreadState")}. */
    public int size(String struct) {
        return (int) require("sizeof(" + struct + ")");
    }

    /** A constant from the headers, e.g. {@code constant("FRAME_OWNED_BY_CSTACK")}. */
    public long constant(String name) {
        return require("const." + name);
    }

    /** The mask of a bit field within its storage unit, e.g. {@code mask("PyASCIIObject.state.kind")}. */
    public long mask(String bitField) {
        return require("mask." + bitField);
    }

    /** Every key, for tests and diagnostics. */
    public Map<String, Long> entries() {
        return values;
    }

    private long require(String key) {
        Long value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("the CPython " + minorVersion + " layout table has no '" + key + "'");
        }
        return value;
    }
}
