// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The generated struct layout table of one CPython minor version: field offsets by C name
 * ({@code PyThreadState.next}, {@code _PyRuntimeState.interpreters.head}), struct sizes
 * ({@code sizeof(PyThreadState)}), constants ({@code const.FRAME_OWNED_BY_CSTACK}) and bit-field masks
 * ({@code mask.PyASCIIObject.state.kind}). Tables are resources generated from the interpreter's headers by
 * {@code LayoutGenerator}; nothing here is typed by hand.
 */
public final class StructLayouts {
    private static final String RESOURCE = "/dev/pyspy4j/python/layout/cpython-%s.properties";

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

    /** The table for {@code major.minor}, if one was generated. */
    public static Optional<StructLayouts> find(String minorVersion) {
        try (InputStream in = StructLayouts.class.getResourceAsStream(String.format(RESOURCE, minorVersion))) {
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

    /** The table for {@code major.minor}; a missing table is a packaging bug. */
    public static StructLayouts load(String minorVersion) {
        return find(minorVersion).orElseThrow(
                () -> new IllegalArgumentException("no layout table for CPython " + minorVersion));
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
