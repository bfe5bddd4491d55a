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
 */
public record Frame(String name, String filename, String module, String shortFilename, int line,
                    List<LocalVariable> locals, boolean entry, boolean shimEntry) {
    public Frame {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(filename, "filename is null");
        locals = locals == null ? null : List.copyOf(locals);
    }

    /** A Python frame without locals. */
    public static Frame python(String name, String filename, int line) {
        return new Frame(name, filename, null, null, line, null, false, false);
    }

    public Frame withShortFilename(String shortName) {
        return new Frame(name, filename, module, shortName, line, locals, entry, shimEntry);
    }

    public Frame withShimEntry(boolean value) {
        return new Frame(name, filename, module, shortFilename, line, locals, entry, value);
    }

    /** The shortened filename when known, else the full one. */
    public String displayFilename() {
        return shortFilename != null ? shortFilename : filename;
    }
}
