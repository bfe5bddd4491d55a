// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

/**
 * One {@code nlist_64} entry of the {@code LC_SYMTAB} symbol table ({@code <mach-o/nlist.h>}).
 *
 * @param name the string at {@code n_strx} in the string table; C names carry a leading underscore ({@code _PyRuntime})
 * @param type {@code n_type}: the {@code N_STAB}, {@code N_PEXT}, {@code N_TYPE} and {@code N_EXT} bits
 * @param section {@code n_sect}: the 1-based {@link MachOSection#index()} of a symbol defined in a section, else 0
 * @param description {@code n_desc}
 * @param value {@code n_value}, for a section symbol its unslid address
 */
public record MachOSymbol(String name, int type, int section, int description, long value) {
    /** Size of {@code nlist_64}. */
    static final int SIZE = 16;
    private static final int N_STAB = 0xe0;
    private static final int N_PEXT = 0x10;
    private static final int N_TYPE = 0x0e;
    private static final int N_EXT = 0x01;
    private static final int N_UNDF = 0x0;
    private static final int N_ABS = 0x2;
    private static final int N_SECT = 0xe;

    /** A debugger (stab) entry rather than a symbol. */
    public boolean isDebugEntry() {
        return (type & N_STAB) != 0;
    }

    /** Visible outside the image ({@code N_EXT}). */
    public boolean isExternal() {
        return !isDebugEntry() && (type & N_EXT) != 0;
    }

    /** Was external before static linking made it private ({@code N_PEXT}). */
    public boolean isPrivateExternal() {
        return !isDebugEntry() && (type & N_PEXT) != 0;
    }

    /** Undefined here ({@code N_UNDF}): imported from another image. */
    public boolean isUndefined() {
        return !isDebugEntry() && (type & N_TYPE) == N_UNDF;
    }

    /** Defined in a section ({@code N_SECT}) or absolute ({@code N_ABS}): a symbol with an address in this image. */
    public boolean isDefined() {
        int kind = type & N_TYPE;
        return !isDebugEntry() && (kind == N_SECT || kind == N_ABS);
    }

    /** Absolute ({@code N_ABS}): its value is not relocated by the slide. */
    public boolean isAbsolute() {
        return !isDebugEntry() && (type & N_TYPE) == N_ABS;
    }
}
