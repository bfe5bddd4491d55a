// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.List;
import java.util.Objects;

/**
 * One frame of a stack.
 *
 * @param name          function name ({@code co_name}), or a native symbol
 * @param filename      file as the interpreter knows it ({@code co_filename}), or a native module path
 * @param module        shared object of a native frame; {@code null} for Python frames
 * @param shortFilename the filename shortened for display, or {@code null} until the CLI computes it
 * @param line          line number, 0 when unknown or not asked for
 * @param locals        arguments and locals when asked for ({@code dump --locals}), else {@code null}
 * @param entry         the first frame run by one C-level call of the eval loop
 * @param shimEntry     the frame just above an interpreter-internal shim, or the outermost frame
 * @param entryRecord   where the shim below this frame lies: on the C stack of the evaluation-loop call that C code
 *                      entered this frame through (CPython 3.12+), so that a native stack can find that call by
 *                      its stack range even where the interpreter's binary does not name it; 0 when unknown
 */
public record Frame(String name, String filename, String module, String shortFilename, int line,
                    List<LocalVariable> locals, boolean entry, boolean shimEntry, long entryRecord) {
    public Frame {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(filename, "filename is null");
        locals = locals == null ? null : List.copyOf(locals);
    }

    /** A frame whose entry record is unknown. */
    public Frame(String name, String filename, String module, String shortFilename, int line,
                 List<LocalVariable> locals, boolean entry, boolean shimEntry) {
        this(name, filename, module, shortFilename, line, locals, entry, shimEntry, 0);
    }

    /** The file name of the frames pyspy4j adds itself (a cut or an unreadable stack): no file, as {@code <string>}. */
    public static final String MARKER_FILE = "<pyspy4j>";
    private static final String UNREADABLE_PREFIX = "<stack unreadable: ";

    /** The one frame shown for a thread whose stack could not be read, saying why. */
    public static Frame unreadableStack(String reason) {
        return new Frame(UNREADABLE_PREFIX + reason + ">", MARKER_FILE, null, null, 0, null, false, true);
    }

    /** Whether this frame stands for a stack that could not be read. */
    public boolean isUnreadableStack() {
        return MARKER_FILE.equals(filename) && name.startsWith(UNREADABLE_PREFIX);
    }

    /** A Python frame without locals. */
    public static Frame python(String name, String filename, int line) {
        return new Frame(name, filename, null, null, line, null, false, false);
    }

    public Frame withShortFilename(String shortName) {
        return new Frame(name, filename, module, shortName, line, locals, entry, shimEntry, entryRecord);
    }

    public Frame withShimEntry(boolean value) {
        return new Frame(name, filename, module, shortFilename, line, locals, entry, value, entryRecord);
    }

    /** The shortened filename when known, else the full one. */
    public String displayFilename() {
        return shortFilename != null ? shortFilename : filename;
    }
}
