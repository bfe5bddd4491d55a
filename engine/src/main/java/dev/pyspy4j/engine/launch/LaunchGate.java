// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe that holds a launched program in its launcher shell until pyspy4j is ready to sample it: the shell
 * reads one line from the pipe before it starts the program, and pyspy4j writes that line once the code that finds
 * and samples an interpreter has been loaded and run (a cold JVM takes most of a second over it, longer than many
 * short scripts run).
 *
 * <p>The pipe is created in a directory only this user can enter, and opened here for reading and writing before
 * the shell starts: opening a pipe for writing alone would block until the shell opens it, and as long as this
 * process holds the only writing end, the shell's read ends with end-of-file if this process dies, so that a
 * program whose profiler is gone is never started. The JVM does not pass its descriptors to the processes it
 * starts, so the shell holds no writing end of its own.
 */
final class LaunchGate implements AutoCloseable {
    private static final String MKFIFO = "mkfifo";
    private static final long MKFIFO_TIMEOUT_SECONDS = 10;

    private final Path directory;
    private final Path pipe;
    private RandomAccessFile writer;
    private boolean opened;

    private LaunchGate(Path directory, Path pipe, RandomAccessFile writer) {
        this.directory = directory;
        this.pipe = pipe;
        this.writer = writer;
    }

    /**
     * A closed gate, or empty when no named pipe can be made here (no {@code mkfifo}, no writable temporary
     * directory): the program then starts at once, as it did before gates, and its first moments go unsampled.
     */
    static Optional<LaunchGate> create() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("pyspy4j-launch");
            Path pipe = directory.resolve("gate");
            Process mkfifo = new ProcessBuilder(MKFIFO, "-m", "600", pipe.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!mkfifo.waitFor(MKFIFO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                mkfifo.destroyForcibly();
                deleteQuietly(directory);
                return Optional.empty();
            }
            if (mkfifo.exitValue() != 0 || !isNamedPipe(pipe)) {
                deleteQuietly(directory);
                return Optional.empty();
            }
            // Read and write: on a named pipe this opens at once, whether or not a reader is there yet.
            return Optional.of(new LaunchGate(directory, pipe, new RandomAccessFile(pipe.toFile(), "rw")));
        } catch (IOException e) {
            deleteQuietly(directory);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(directory);
            return Optional.empty();
        }
    }

    /** The pipe the shell reads, a path on this machine. */
    String path() {
        return pipe.toString();
    }

    /**
     * Lets the shell start the program. The writing end stays open until {@link #close}: the data of a pipe that
     * nobody holds open is dropped, and the shell may not have opened it yet.
     */
    void open() {
        if (writer == null || opened) {
            return;
        }
        opened = true;
        try {
            writer.write('\n');
        } catch (IOException e) {
            // The shell is gone: awaiting the program says so with its exit status.
        }
    }

    /**
     * Removes the pipe; a shell that still waits at the gate reads end-of-file and exits without starting the
     * program. Call it once the program runs (the shell has then read the line) or when giving up.
     */
    @Override
    public void close() {
        closeWriter();
        deleteQuietly(directory);
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // Nothing was buffered; the descriptor is released all the same.
            }
            writer = null;
        }
    }

    /** Neither a regular file nor a directory nor a link: what {@code mkfifo} made, not something planted. */
    private static boolean isNamedPipe(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve("gate"));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A leftover empty directory in the temporary directory harms nothing.
        }
    }
}
