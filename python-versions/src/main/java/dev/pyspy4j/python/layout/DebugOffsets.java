// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.python.PythonVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code _Py_DebugOffsets} (3.13+), the table of offsets CPython puts at the start of {@code _PyRuntime} for
 * out-of-process tools: cookie {@code xdebugpy}, {@code PY_VERSION_HEX}, the free-threading flag, then
 * sub-structs of {@code uint64_t} sizes and offsets. The table is not self-describing, so where each field sits
 * comes from the generated layout of that minor version ({@code _Py_DebugOffsets.<sub>.<field>} keys); the
 * values read from the target then override the generated ones, so a new patch release reads correctly as is.
 * Every entry is a fixed-width 64-bit integer whatever the pointer size; the reader supplies the byte order.
 */
public final class DebugOffsets {
    public static final String COOKIE = "xdebugpy";
    private static final String PREFIX = "_Py_DebugOffsets.";
    /** pystack's sanity bound: no CPython struct described here is anywhere near this big. */
    private static final long MAX_STRUCT_SIZE = 1 << 20;

    private final PythonVersion version;
    private final boolean freeThreaded;
    private final Map<String, Long> fields;

    private DebugOffsets(PythonVersion version, boolean freeThreaded, Map<String, Long> fields) {
        this.version = version;
        this.freeThreaded = freeThreaded;
        this.fields = Map.copyOf(fields);
    }

    /** Whether the bytes at {@code runtime} start with the cookie. */
    public static boolean hasCookie(RemoteReader reader, long runtime) {
        try {
            return COOKIE.equals(new String(reader.bytes(runtime, 8), StandardCharsets.ISO_8859_1));
        } catch (SpyException e) {
            return false;
        }
    }

    /** Reads the version word after the cookie, or fails when there is no cookie (NOT_PYTHON) or no version. */
    public static PythonVersion readVersion(RemoteReader reader, long runtime) {
        ByteBuffer header = reader.struct(runtime, 24);
        String cookie = new String(header.array(), 0, 8, StandardCharsets.ISO_8859_1);
        if (!COOKIE.equals(cookie)) {
            throw new SpyException(FailureKind.NOT_PYTHON, "no _Py_DebugOffsets cookie at 0x"
                    + Long.toHexString(runtime));
        }
        return versionOf(header.getLong(8), runtime);
    }

    /** The version word as {@code PY_VERSION_HEX} lays it out; a target's garbage there is a failed read. */
    private static PythonVersion versionOf(long hex, long runtime) {
        try {
            return PythonVersion.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new SpyException(FailureKind.MEMORY_READ, "_Py_DebugOffsets at 0x" + Long.toHexString(runtime)
                    + " names no Python version (0x" + Long.toHexString(hex) + ")");
        }
    }

    /**
     * Reads the free-threading flag after the version word ({@code Py_GIL_DISABLED} builds set it), which decides
     * which table gives the shape of the rest. Only call where {@link #hasCookie} holds.
     */
    public static boolean readFreeThreaded(RemoteReader reader, long runtime) {
        return reader.struct(runtime, 24).getLong(16) != 0;
    }

    /**
     * Reads the table at {@code runtime} with the field positions of {@code shape}, and validates it.
     *
     * @throws SpyException MEMORY_READ when the cookie is missing or the version, a size or an offset is implausible
     */
    public static DebugOffsets read(RemoteReader reader, long runtime, StructLayouts shape) {
        int size = shape.size("_Py_DebugOffsets");
        ByteBuffer table = reader.struct(runtime, size);
        String cookie = new String(table.array(), 0, 8, StandardCharsets.ISO_8859_1);
        if (!COOKIE.equals(cookie)) {
            throw new SpyException(FailureKind.MEMORY_READ, "_Py_DebugOffsets at 0x" + Long.toHexString(runtime)
                    + " has no 'xdebugpy' cookie");
        }
        Map<String, Long> fields = new HashMap<>();
        for (Map.Entry<String, Long> entry : shape.entries().entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(PREFIX) && entry.getValue() + 8 <= size) {
                fields.put(key.substring(PREFIX.length()), table.getLong(entry.getValue().intValue()));
            }
        }
        DebugOffsets offsets = new DebugOffsets(versionOf(table.getLong(8), runtime), table.getLong(16) != 0,
                fields);
        offsets.validate();
        return offsets;
    }

    public PythonVersion version() {
        return version;
    }

    public boolean freeThreaded() {
        return freeThreaded;
    }

    /** A field by its path inside the table, e.g. {@code thread_state.current_frame}. */
    public long field(String path) {
        Long value = fields.get(path);
        if (value == null) {
            throw new IllegalStateException("_Py_DebugOffsets of " + version + " has no field '" + path + "'");
        }
        return value;
    }

    public boolean has(String path) {
        return fields.containsKey(path);
    }

    /**
     * {@code base} with every field the target describes replaced by the target's own value. A field it does not
     * describe moves with the closest described field before it in the same struct: a patch release that inserts
     * a member shifts its neighbours alike (e.g. {@code datastack_top} follows {@code datastack_chunk}).
     */
    public StructLayouts overlay(StructLayouts base) {
        Map<String, Long> described = new HashMap<>();
        DebugOffsetNames.MAPPING.forEach((path, key) -> {
            if (fields.containsKey(path) && base.has(key)) {
                described.put(key, fields.get(path));
            }
        });
        Map<String, Long> merged = new HashMap<>(base.entries());
        for (Map.Entry<String, Long> entry : base.entries().entrySet()) {
            String key = entry.getKey();
            if (described.containsKey(key)) {
                merged.put(key, described.get(key));
            } else if (isFieldOffset(key)) {
                merged.put(key, entry.getValue() + shiftOfClosestDescribedBefore(key, entry.getValue(), base,
                        described));
            }
        }
        return StructLayouts.of(base.minorVersion(), merged);
    }

    private static boolean isFieldOffset(String key) {
        return !key.startsWith("sizeof(") && !key.startsWith("const.") && !key.startsWith("mask.")
                && !key.startsWith(PREFIX) && key.indexOf('.') > 0;
    }

    private static long shiftOfClosestDescribedBefore(String key, long offset, StructLayouts base,
                                                      Map<String, Long> described) {
        String struct = key.substring(0, key.indexOf('.') + 1);
        long bestOffset = -1;
        long shift = 0;
        for (Map.Entry<String, Long> entry : described.entrySet()) {
            String other = entry.getKey();
            long generated = base.entries().get(other);
            if (other.startsWith(struct) && generated <= offset && generated > bestOffset) {
                bestOffset = generated;
                shift = entry.getValue() - generated;
            }
        }
        return shift;
    }

    /** Every sub-struct size must be sane and every offset must lie inside its struct (pystack's checks). */
    private void validate() {
        for (Map.Entry<String, Long> entry : fields.entrySet()) {
            String path = entry.getKey();
            int dot = path.indexOf('.');
            if (dot < 0 || !DebugOffsetNames.isOffset(path)) {
                continue;
            }
            Long structSize = fields.get(path.substring(0, dot) + ".size");
            if (structSize == null) {
                continue;
            }
            if (structSize <= 0 || structSize > MAX_STRUCT_SIZE) {
                throw invalid(path.substring(0, dot) + ".size", structSize);
            }
            if (entry.getValue() < 0 || entry.getValue() > structSize) {
                throw invalid(path, entry.getValue());
            }
        }
    }

    private SpyException invalid(String path, long value) {
        return new SpyException(FailureKind.MEMORY_READ, "_Py_DebugOffsets of Python " + version
                + " does not validate: " + path + " = " + value);
    }
}
