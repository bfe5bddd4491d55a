// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The link count of one open directory, asked with {@code statx(2)} on its descriptor. For
 * {@code /proc/<pid>/task} the kernel adds the number of the process's threads to the directory's own two links
 * (fs/proc/base.c, proc_task_getattr): one cheap call per look, where reading {@code num_threads} from
 * {@code /proc/<pid>/stat} makes the kernel gather and format fifty fields. Not thread-safe.
 */
public final class DirectoryLinks implements AutoCloseable {
    /** {@code O_RDONLY | O_CLOEXEC}, the same on x86-64 and aarch64 (unlike {@code O_DIRECTORY}). */
    private static final int OPEN_FLAGS = 0x80000;
    /** {@code AT_EMPTY_PATH}: statx describes the descriptor itself. */
    private static final int AT_EMPTY_PATH = 0x1000;
    /** {@code STATX_NLINK}: only the link count is asked for. */
    private static final int STATX_NLINK = 0x4;
    /** Bytes of {@code struct statx}; {@code stx_nlink} is the 32-bit field at offset 16. */
    private static final int STATX_SIZE = 256;
    private static final int NLINK_OFFSET = 16;

    private final int fd;
    private final Memory result = new Memory(STATX_SIZE);

    private DirectoryLinks(int fd) {
        this.fd = fd;
    }

    /**
     * Opens {@code directory}; empty when it cannot be opened or the C library has no {@code statx} (glibc before
     * 2.28), where the caller keeps its slower way.
     */
    public static Optional<DirectoryLinks> open(String directory) {
        if (!Calls.BOUND) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DirectoryLinks(Calls.open(directory, OPEN_FLAGS)));
        } catch (LastErrorException e) {
            return Optional.empty();
        }
    }

    /** The directory's link count now; empty when statx failed. */
    public OptionalLong count() {
        try {
            Calls.statx(fd, Pointer.nativeValue(Calls.EMPTY_PATH), AT_EMPTY_PATH, STATX_NLINK,
                    Pointer.nativeValue(result));
        } catch (LastErrorException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Integer.toUnsignedLong(result.getInt(NLINK_OFFSET)));
    }

    @Override
    public void close() {
        try {
            Calls.close(fd);
        } catch (LastErrorException e) {
            // A descriptor of /proc closes without data to lose; there is nothing to report.
        }
        result.close();
    }

    /**
     * The calls, bound apart from {@link LibC}: a C library without {@code statx} must cost this class only, not
     * every other call.
     */
    private static final class Calls {
        /** The empty path {@code AT_EMPTY_PATH} asks for, made once (before the binding below fills it). */
        static final Memory EMPTY_PATH = new Memory(1);
        static final boolean BOUND = bind();

        private static boolean bind() {
            LibC.bind();
            try {
                Native.register(Calls.class, Platform.C_LIBRARY_NAME);
                EMPTY_PATH.setByte(0, (byte) 0);
                return true;
            } catch (UnsatisfiedLinkError missing) {
                return false;
            }
        }

        static native int open(String path, int flags) throws LastErrorException;

        static native int statx(int dirfd, long path, int flags, int mask, long statxBuffer)
                throws LastErrorException;

        static native int close(int fd) throws LastErrorException;
    }
}
