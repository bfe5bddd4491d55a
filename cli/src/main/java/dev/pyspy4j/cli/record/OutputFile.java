// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.Recorder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file a recording ends in. Checked before sampling starts, so that a typo in {@code -o} costs seconds rather
 * than a whole recording; written at the end to a temporary file beside it and renamed over it
 * ({@code rename(2)} is atomic within a directory), so readers never see half a file and a failed write leaves
 * any older file untouched.
 */
public final class OutputFile {
    private final Path path;
    private final String shownAs;

    private OutputFile(Path path, String shownAs) {
        this.path = path;
        this.shownAs = shownAs;
    }

    /**
     * Checks that {@code name} can be written, by creating and deleting a file beside it: the only test that
     * also covers read-only file systems, ACLs and root's exemptions.
     *
     * @throws SpyException OUTPUT naming the path and the reason
     */
    public static OutputFile prepare(String name) {
        Path path = Path.of(name).toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw failure(name, "it is a directory");
        }
        Path directory = path.getParent();
        if (!Files.isDirectory(directory)) {
            throw failure(name, "no such directory '" + directory + "'");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw failure(name, "permission denied");
        }
        OutputFile file = new OutputFile(path, name);
        try {
            Files.delete(file.createTemporary());
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
     * Writes what {@code recorder} collected.
     *
     * @throws SpyException OUTPUT when writing or renaming fails (e.g. a full disk)
     */
    public void write(Recorder recorder) {
        Path temporary = null;
        boolean moved = false;
        try {
            temporary = createTemporary();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                recorder.writeTo(out);
            }
            moveIntoPlace(temporary);
            moved = true;
        } catch (IOException e) {
            throw failure(shownAs, reason(e));
        } finally {
            // Also when a format fails with an unchecked exception: no temporary file is left behind.
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /** An empty file with the permissions a new file gets (umask applies), unlike {@code createTempFile}'s 0600. */
    private Path createTemporary() throws IOException {
        Path temporary = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + "."
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
        if (file == null) {
            return;
        }
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
