// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.Recorder;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a recording ends up: the place {@code -o} names, as Unix tools treat it. Checked before sampling starts, so
 * that a typo costs seconds rather than a whole recording; written once at the end.
 *
 * <ul>
 * <li>No such file, or a regular file with no other hard link: written to a temporary file beside it, which is then
 * renamed over it ({@code rename(2)} is atomic within a directory), so that readers never see half a file and a
 * failed write leaves an older file untouched. A replaced file keeps its owner, group and mode. Where the process may
 * not give the new file that owner or group (it is not root and the file is someone else's), or may write the file
 * but not create one beside it, the file is written in place instead, as a shell would.</li>
 * <li>Anything else is opened and written through, truncated as a shell's {@code >} does: a device ({@code /dev/null}
 * stays a device), a FIFO (its reader gets the data; the write waits for a reader, as a shell's would), a file with
 * several hard links (they stay one file), and every symbolic link, whatever it leads to. A link is a name someone
 * pointed elsewhere on purpose: {@code /dev/stdout} and {@code /proc/self/fd/N} mean "this open file", which a rename
 * would cut off from the data, and a link to a regular file keeps both the link and the file it leads to.</li>
 * <li>{@code -} is standard output; {@code record}'s own messages go to standard error.</li>
 * </ul>
 * The check before sampling creates nothing next to a device or FIFO: it asks {@code access(2)} whether they can be
 * written (opening a FIFO would wait for a reader), opens other write-through files without truncating them, and
 * creates and deletes a temporary file only where the output itself will be created.
 */
public final class OutputFile {
    /** The name that means standard output. */
    public static final String STANDARD_OUTPUT = "-";

    private final Path path;
    private final String shownAs;

    private OutputFile(Path path, String shownAs) {
        this.path = path;
        this.shownAs = shownAs;
    }

    /**
     * Checks that {@code name} can be written, in the way it will be written.
     *
     * @throws SpyException OUTPUT naming the path and the reason
     */
    public static OutputFile prepare(String name) {
        return prepare(name, CommandLineBytes.ofThisProcess());
    }

    static OutputFile prepare(String name, CommandLineBytes commandLine) {
        if (name.equals(STANDARD_OUTPUT)) {
            return new OutputFile(null, name);
        }
        Optional<byte[]> lost = commandLine.lostBytes(name);
        if (lost.isPresent()) {
            throw new SpyException(FailureKind.OUTPUT, "cannot write '" + CommandLineBytes.escaped(lost.get())
                    + "': the name is not valid in the locale's character set (UTF-8), and pyspy4j would write"
                    + " another name; choose a name in UTF-8");
        }
        Path path;
        try {
            path = Path.of(name).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw failure(name, "not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw failure(name, "it is a directory");
        }
        Path directory = path.getParent();
        if (!Files.isDirectory(directory)) {
            throw failure(name, "no such directory '" + directory + "'");
        }
        OutputFile file = new OutputFile(path, name);
        try {
            Optional<PathEntry> entry = PathEntry.of(path);
            if (entry.isEmpty() || entry.get().isReplaceable()) {
                file.checkReplaceable(entry.isPresent());
            } else {
                file.checkWritableInPlace();
            }
        } catch (IOException e) {
            throw failure(name, reason(e));
        }
        return file;
    }

    /** The name as the user gave it, for messages. */
    public String shownAs() {
        return shownAs;
    }

    /**
     * Whether numbered files may be written beside it: it names a file that does not exist yet or a regular file,
     * not standard output, a device, a FIFO or a link, beside which files of its name would be out of place.
     */
    public boolean takesNumberedSiblings() {
        if (path == null) {
            return false;
        }
        try {
            return PathEntry.of(path).map(entry -> entry.type() == PathEntry.Type.REGULAR).orElse(true);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The name of the {@code number}th file beside it, as the user would type it: the number goes before the
     * format's extension ({@code out.svg} gives {@code out.1.svg}), or at the end of a name without it.
     */
    public String numberedName(int number, String extension) {
        String suffix = "." + extension;
        if (shownAs.endsWith(suffix) && shownAs.length() > suffix.length()) {
            return shownAs.substring(0, shownAs.length() - suffix.length()) + "." + number + suffix;
        }
        return shownAs + "." + number;
    }

    /**
     * Writes what {@code recorder} collected.
     *
     * @throws SpyException OUTPUT when writing or renaming fails (e.g. a full disk)
     */
    public void write(Recorder recorder) {
        try {
            if (path == null) {
                writeToStandardOutput(recorder);
                return;
            }
            // Looked at again: the place may have changed while sampling ran.
            Optional<PathEntry> entry = PathEntry.of(path);
            if (entry.isEmpty() || entry.get().isReplaceable()) {
                replace(recorder, entry);
            } else {
                writeInPlace(recorder);
            }
        } catch (IOException e) {
            throw failure(shownAs, reason(e));
        }
    }

    /**
     * Creates and deletes a file beside it: the only test that covers read-only file systems, ACLs and root. An
     * existing file in a directory that the process may not add to is checked as a file written in place is.
     */
    private void checkReplaceable(boolean exists) throws IOException {
        if (exists && !Files.isWritable(path)) {
            throw new AccessDeniedException(path.toString());
        }
        try {
            Files.delete(createTemporary(path));
        } catch (AccessDeniedException e) {
            if (!exists) {
                throw e;
            }
            checkWritableInPlace();
        }
    }

    private void checkWritableInPlace() throws IOException {
        Optional<PathEntry> target = PathEntry.followed(path);
        if (target.isEmpty()) {
            // A symbolic link to nothing: writing creates the file it names, so that file's directory is checked as
            // an absent output's is.
            Path created = path.resolveSibling(Files.readSymbolicLink(path));
            Files.delete(createTemporary(created));
            return;
        }
        switch (target.get().type()) {
            case REGULAR -> Files.newOutputStream(path, StandardOpenOption.WRITE).close();
            case SOCKET -> throw new FileSystemException(path.toString(), null, "it is a socket");
            default -> {
                if (!Files.isWritable(path)) {
                    throw new AccessDeniedException(path.toString());
                }
            }
        }
    }

    private void replace(Recorder recorder, Optional<PathEntry> replaced) throws IOException {
        Path temporary;
        try {
            temporary = createTemporary(path);
        } catch (AccessDeniedException e) {
            if (replaced.isEmpty()) {
                throw e;
            }
            writeInPlace(recorder);
            return;
        }
        boolean moved = false;
        try {
            if (replaced.isPresent() && !takeOver(temporary, replaced.get())) {
                writeInPlace(recorder);
                return;
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                recorder.writeTo(out);
            }
            moveIntoPlace(temporary);
            moved = true;
        } finally {
            // Also when a format fails with an unchecked exception: no temporary file is left behind.
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /**
     * Gives the new file the owner, group and mode of the one it replaces, before any data is in it; the owner first,
     * as {@code chown(2)} clears set-user-id bits.
     *
     * @return false when the process may not give it that owner or group
     */
    private static boolean takeOver(Path temporary, PathEntry replaced) throws IOException {
        PathEntry fresh = PathEntry.of(temporary).orElseThrow(() -> new NoSuchFileException(temporary.toString()));
        try {
            if (fresh.uid() != replaced.uid()) {
                Files.setAttribute(temporary, "unix:uid", replaced.uid());
            }
            if (fresh.gid() != replaced.gid()) {
                Files.setAttribute(temporary, "unix:gid", replaced.gid());
            }
        } catch (FileSystemException e) {
            return false;
        }
        Files.setAttribute(temporary, "unix:mode", replaced.mode());
        return true;
    }

    private void writeInPlace(Recorder recorder) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            recorder.writeTo(out);
        }
    }

    private static void writeToStandardOutput(Recorder recorder) throws IOException {
        // Flushed, never closed: the process's standard output outlives the recording.
        try (OutputStream out = new BufferedOutputStream(new FilterOutputStream(new FileOutputStream(
                FileDescriptor.out)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        })) {
            recorder.writeTo(out);
        }
    }

    /**
     * An empty file beside {@code file}, with the permissions a new file gets (umask applies), unlike
     * {@code createTempFile}'s 0600.
     */
    private static Path createTemporary(Path file) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temporary;
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The write already failed and is being reported; a leftover temporary file is the lesser problem.
            file.toFile().deleteOnExit();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static SpyException failure(String name, String why) {
        return new SpyException(FailureKind.OUTPUT, "cannot write '" + name + "': " + why);
    }
}
