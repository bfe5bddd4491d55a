// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.nio.ByteBuffer;

/**
 * One note ({@code ElfN_Nhdr} and what follows it, elf(5) "Notes"): an owner name that scopes the type, a type,
 * and an opaque descriptor whose layout the owner and type define (a build id, a core file's thread registers,
 * its mapped files, ...).
 */
public final class ElfNote {
    private final String owner;
    private final long type;
    private final ByteBuffer descriptor;
    private final String location;

    ElfNote(String owner, long type, ByteBuffer descriptor, String location) {
        this.owner = owner;
        this.type = type;
        this.descriptor = descriptor;
        this.location = location;
    }

    /** The owner ({@code n_name} without its terminating NUL), e.g. {@code GNU} or {@code CORE}. */
    public String owner() {
        return owner;
    }

    /** {@code n_type}, meaningful only together with the {@link #owner()}. */
    public long type() {
        return type;
    }

    /** Whether this note has the given owner and type. */
    public boolean is(String noteOwner, long noteType) {
        return type == noteType && owner.equals(noteOwner);
    }

    /** {@code n_descsz}: the descriptor's size in bytes. */
    public int descriptorSize() {
        return descriptor.limit();
    }

    /** The descriptor's bytes, read-only and in the file's byte order, as a new buffer positioned at 0. */
    public ByteBuffer descriptor() {
        // duplicate() resets the byte order to big-endian
        return descriptor.duplicate().order(descriptor.order());
    }

    /** A copy of the descriptor's bytes. */
    public byte[] descriptorBytes() {
        byte[] copy = new byte[descriptor.limit()];
        descriptor.get(0, copy);
        return copy;
    }

    /** Where the note was found, e.g. {@code section [3] '.note.gnu.build-id'}, for messages. */
    public String location() {
        return location;
    }

    @Override
    public String toString() {
        return String.format("ElfNote[%s, type 0x%x, %d descriptor bytes, in %s]", owner, type, descriptorSize(),
                location);
    }
}
