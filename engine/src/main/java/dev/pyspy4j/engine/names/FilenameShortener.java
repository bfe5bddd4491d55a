// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.names;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Shortens a frame's file to its package part, as py-spy does: from the file's directory, walk up while the
 * directory holds an {@code __init__.py}; the short name is the path below the first directory without one
 * ({@code /usr/lib/python3.12/multiprocessing/process.py} becomes {@code multiprocessing/process.py}).
 * Names that are not absolute paths ({@code <frozen importlib._bootstrap>}, {@code <string>}) are kept. A native
 * frame's file (a binary, or a C source file from debug information) is shortened to its base name
 * ({@code /lib/x86_64-linux-gnu/libc.so.6} becomes {@code libc.so.6}).
 * Results are cached per file name; one instance serves one target.
 */
public final class FilenameShortener {
    private static final String PACKAGE_MARKER = "__init__.py";

    private final Function<String, Path> locator;
    private final Map<String, String> shortNames = new HashMap<>();

    private FilenameShortener(Function<String, Path> locator) {
        this.locator = locator;
    }

    /**
     * Shortens names by looking at files through {@code locator}, which maps a path as the target sees it to a
     * path this JVM can read ({@code TargetProcess.fileAsSeenByTarget}: the target may run in a container).
     */
    public static FilenameShortener seenBy(Function<String, Path> locator) {
        return new FilenameShortener(locator);
    }

    /**
     * One shortener per process of a tree, made on first use: each looks at files through
     * {@code locator.apply(pid, path)}, as its own process sees them (processes of a tree may run in different
     * containers); with {@code fullNames} ({@code --full-filenames}), one that keeps names whole for all. For the
     * sampler's thread only.
     */
    public static LongFunction<FilenameShortener> perProcess(boolean fullNames,
                                                             BiFunction<Long, String, Path> locator) {
        if (fullNames) {
            FilenameShortener whole = keepingFullNames();
            return pid -> whole;
        }
        Map<Long, FilenameShortener> byPid = new HashMap<>();
        return pid -> byPid.computeIfAbsent(pid, key -> seenBy(path -> locator.apply(key, path)));
    }

    /** Keeps every name whole ({@code --full-filenames}): the short name is the full path, as in py-spy. */
    public static FilenameShortener keepingFullNames() {
        return new FilenameShortener(null);
    }

    /** The traces with {@link Frame#shortFilename()} filled in. */
    public List<StackTrace> shortenAll(List<StackTrace> traces) {
        return traces.stream()
                .map(trace -> trace.withFrames(trace.frames().stream()
                        .map(frame -> frame.withShortFilename(shorten(frame)))
                        .toList()))
                .toList();
    }

    /** The short name of {@code frame}'s file: its package part for Python, its base name for native code. */
    public String shorten(Frame frame) {
        if (frame.module() == null || locator == null) {
            return shorten(frame.filename());
        }
        // Native files are not in Python packages, and the directories of a binary's build (the source paths
        // of its debug information) need not exist here at all: no file-system walk.
        String filename = frame.filename();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    public String shorten(String filename) {
        if (locator == null || !filename.startsWith("/")) {
            return filename;
        }
        return shortNames.computeIfAbsent(filename, this::packageRelative);
    }

    private String packageRelative(String filename) {
        int cut = filename.lastIndexOf('/');
        while (cut > 0 && isPackage(filename.substring(0, cut))) {
            cut = filename.lastIndexOf('/', cut - 1);
        }
        return filename.substring(cut + 1);
    }

    private boolean isPackage(String directory) {
        try {
            return Files.exists(locator.apply(directory + "/" + PACKAGE_MARKER));
        } catch (InvalidPathException e) {
            // The JVM cannot name this path (e.g. non-ASCII under a C locale): treat it as no package.
            return false;
        }
    }
}
