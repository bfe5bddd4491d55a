// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.TaskStat;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the direct children of a process by scanning every {@code /proc/<pid>/stat} for its parent pid, as
 * py-spy does. Processes that exit during the scan, or whose stat is unreadable, are skipped.
 */
final class ChildProcesses {
    private ChildProcesses() {
    }

    static List<Long> of(long parentPid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ProcFs.ROOT)) {
            for (Path entry : entries) {
                Optional<Long> pid = ProcFs.parseId(entry.getFileName().toString());
                if (pid.isPresent() && pid.get() != parentPid && parentOf(entry) == parentPid) {
                    children.add(pid.get());
                }
            }
        } catch (IOException e) {
            throw new SpyException(FailureKind.INTERNAL, "cannot list " + ProcFs.ROOT + ": " + e.getMessage(), e);
        }
        children.sort(null);
        return children;
    }

    private static long parentOf(Path processDir) {
        Path stat = processDir.resolve("stat");
        try {
            return ProcFs.readOptional(stat).map(text -> TaskStat.parse(text, stat.toString()).parentPid()).orElse(-1L);
        } catch (SpyException raced) {
            // Unreadable or torn by a concurrent exit: it is not a child we could attach to anyway.
            return -1;
        }
    }
}
