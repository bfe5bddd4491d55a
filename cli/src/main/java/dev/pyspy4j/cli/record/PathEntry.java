// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a directory entry is ({@code lstat(2)}, or {@code stat(2)} when following links): its type, owner, group,
 * permission bits and number of hard links, read through the JDK's {@code unix:} attribute view.
 */
record PathEntry(Type type, int uid, int gid, int mode, int links) {
    /** The file type bits of {@code st_mode}. */
    private static final int TYPE_MASK = 0170000;
    /** Permission bits with set-user-id, set-group-id and sticky. */
    private static final int PERMISSION_MASK = 07777;

    enum Type {
        REGULAR, DIRECTORY, SYMBOLIC_LINK, CHARACTER_DEVICE, BLOCK_DEVICE, FIFO, SOCKET;

        static Type of(int mode) {
            return switch (mode & TYPE_MASK) {
                case 0100000 -> REGULAR;
                case 0040000 -> DIRECTORY;
                case 0120000 -> SYMBOLIC_LINK;
                case 0020000 -> CHARACTER_DEVICE;
                case 0060000 -> BLOCK_DEVICE;
                case 0010000 -> FIFO;
                case 0140000 -> SOCKET;
                default -> throw new IllegalArgumentException("unknown file type in mode " + Integer.toOctalString(mode));
            };
        }
    }

    /** The entry {@code path} names itself (a symbolic link is reported as one), or empty when there is none. */
    static Optional<PathEntry> of(Path path) throws IOException {
        return read(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** What {@code path} leads to after following symbolic links, or empty when that does not exist. */
    static Optional<PathEntry> followed(Path path) throws IOException {
        return read(path);
    }

    private static Optional<PathEntry> read(Path path, LinkOption... options) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:mode,uid,gid,nlink", options);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int mode = (Integer) attributes.get("mode");
        return Optional.of(new PathEntry(Type.of(mode), (Integer) attributes.get("uid"),
                (Integer) attributes.get("gid"), mode & PERMISSION_MASK, (Integer) attributes.get("nlink")));
    }

    /** A regular file with no other name: one that a new file renamed over it replaces without loss. */
    boolean isReplaceable() {
        return type == Type.REGULAR && links == 1;
    }
}
