// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The NUL-terminated strings of one region of a file (a string table, a section), looked up by offset. Each byte of
 * the region is scanned at most once whatever the lookups: a hostile table of a million names that all point into
 * one long run without a NUL costs one pass over that run, not a million. And the characters it hands out are
 * bounded by a small multiple of the region's size: names at every offset of one long string would otherwise add
 * up to its length squared. Linkers share a tail between names at most a few times over, never that often.
 */
public final class NulTerminatedStrings {
    /** Marks a span that runs to the region's end without a NUL. */
    private static final long NO_NUL = -1;
    /** How many times over the region's bytes the distinct strings handed out may add up to, plus a fixed slack. */
    private static final long REUSE_FACTOR = 8;
    private static final long REUSE_SLACK = 64 * 1024;

    private final BoundedBytes bytes;
    private final long start;
    private final long end;
    private final String what;
    /** Spans already scanned: their first offset to the offset of the NUL ending them (or {@link #NO_NUL}). */
    private final TreeMap<Long, Long> scanned = new TreeMap<>();
    /** Strings already handed out: a name that many entries share is made once and counts once. */
    private final Map<Long, String> made = new HashMap<>();
    private long charactersLeft;

    /** The region of {@code length} bytes at {@code start}, which must lie in the file. */
    public NulTerminatedStrings(BoundedBytes bytes, long start, long length, String what) {
        bytes.requireRange(start, length, what);
        this.bytes = bytes;
        this.start = start;
        this.end = start + length;
        this.what = what;
        this.charactersLeft = REUSE_FACTOR * length + REUSE_SLACK;
    }

    /**
     * The string at {@code offset} (absolute in the file), which must lie in the region and end with a NUL inside it.
     *
     * @param which names the reference in errors, e.g. "symbol 12"
     */
    public String at(long offset, String which) {
        if (offset < start || offset >= end) {
            throw bytes.malformed(String.format("%s: string at 0x%x lies outside the %s at 0x%x (%d bytes)", which,
                    offset, what, start, end - start));
        }
        long nul = nulAfter(offset);
        if (nul == NO_NUL) {
            throw bytes.malformed(String.format("%s: string at 0x%x has no terminating NUL before the end of the %s"
                    + " at 0x%x", which, offset, what, end));
        }
        String known = made.get(offset);
        if (known != null) {
            return known;
        }
        charactersLeft -= nul - offset;
        if (charactersLeft < 0) {
            throw bytes.malformed(String.format("%s: the names in the %s at 0x%x (%d bytes) overlap more than %d times"
                    + " over", which, what, start, end - start, REUSE_FACTOR));
        }
        String string = bytes.latin1(offset, (int) (nul - offset));
        made.put(offset, string);
        return string;
    }

    private long nulAfter(long offset) {
        Map.Entry<Long, Long> before = scanned.floorEntry(offset);
        if (before != null && (before.getValue() == NO_NUL || offset <= before.getValue())) {
            return before.getValue();
        }
        Long nextKnown = scanned.higherKey(offset);
        long stop = nextKnown == null ? end : nextKnown;
        long nul = NO_NUL;
        for (long at = offset; at < stop; at++) {
            if (bytes.u8(at, what) == 0) {
                nul = at;
                break;
            }
        }
        if (nul == NO_NUL && nextKnown != null) {
            nul = scanned.get(nextKnown);
        }
        scanned.put(offset, nul);
        return nul;
    }
}
