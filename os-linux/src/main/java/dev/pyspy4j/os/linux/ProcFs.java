// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.TaskStat;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /proc/<pid>} directory of one process, with I/O failures turned into {@link SpyException}s:
 * a vanished file means the process exited, a refused one means permission was denied.
 */
final class ProcFs {
    static final Path ROOT = Path.of("/proc");

    private final long pid;
    private final Path dir;

    ProcFs(long pid) {
        this.pid = pid;
        this.dir = ROOT.resolve(Long.toString(pid));
    }

    Path dir() {
        return dir;
    }

    Path taskDir(long tid) {
        return dir.resolve("task").resolve(Long.toString(tid));
    }

    Path taskFile(long tid, String name) {
        return taskDir(tid).resolve(name);
    }

    /** A file of the process directory as text (invalid UTF-8 replaced), e.g. {@code maps}. */
    String readText(String name) {
        return new String(readBytes(name), StandardCharsets.UTF_8);
    }

    byte[] readBytes(String name) {
        Path file = dir.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** The ids of the process's threads, empty once the process is gone. */
    List<Long> taskIds() {
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path task : tasks) {
                parseId(task.getFileName().toString()).ifPresent(ids::add);
            }
        } catch (IOException e) {
            if (Files.exists(dir)) {
                throw failure(dir.resolve("task"), e);
            }
        }
        return ids;
    }

    /** The stat line of one thread, empty when that thread (or the process) is gone. */
    Optional<TaskStat> taskStat(long tid) {
        Path file = taskFile(tid, "stat");
        return readOptional(file).map(text -> TaskStat.parse(text, file.toString()));
    }

    /** The stat line of the process (its main thread), empty when the process is gone. */
    Optional<TaskStat> stat() {
        Path file = dir.resolve("stat");
        return readOptional(file).map(text -> TaskStat.parse(text, file.toString()));
    }

    /** A file of the process directory as text, empty when it (or the process) no longer exists. */
    Optional<String> readOptionalText(String name) {
        return readOptional(dir.resolve(name));
    }

    /** A small file's text, empty when it (or its process) no longer exists. */
    static Optional<String> readOptional(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A process that exits between open and read makes read(2) fail with ESRCH.
            if (isNoSuchProcess(e)) {
                return Optional.empty();
            }
            throw new SpyException(FailureKind.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a {@code /proc} directory name as a pid or tid. */
    static Optional<Long> parseId(String name) {
        if (name.isEmpty() || name.length() > 10 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(name));
    }

    SpyException exited() {
        return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited");
    }

    SpyException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException || isNoSuchProcess(e) || !Files.exists(dir)) {
            return exited();
        }
        if (e instanceof AccessDeniedException) {
            return AccessDenials.system().denied(pid, "permission denied reading process " + pid, e);
        }
        return new SpyException(FailureKind.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
    }

    static boolean isNoSuchProcess(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No such process");
    }
}
