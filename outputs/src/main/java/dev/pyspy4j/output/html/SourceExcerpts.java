// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The lines of source the report shows: for each file of the hottest functions, the sampled lines with a few lines
 * of context around each, read when the report is written. Only absolute paths of regular files named {@code *.py}
 * or {@code *.pyw} are read: the target names its files itself, and the report must not copy lines of any other
 * file the profiler can read, nor block on a pipe or a device. A file that cannot be read is listed with the reason.
 */
final class SourceExcerpts {
    static final Limits DEFAULT_LIMITS = new Limits(4 * 1024 * 1024, 3, 300, 400);

    private final List<SourceFile> files;
    private final List<Integer> hotFunctions;

    private SourceExcerpts(List<SourceFile> files, List<Integer> hotFunctions) {
        this.files = List.copyOf(files);
        this.hotFunctions = List.copyOf(hotFunctions);
    }

    /** No source, as for a recording without line numbers. */
    static SourceExcerpts none() {
        return new SourceExcerpts(List.of(), List.of());
    }

    /** Reads the lines {@code hot} needs of each file of {@code tree}. */
    static SourceExcerpts read(CallTree tree, HotFunctions hot, Limits limits) {
        List<SourceFile> files = new ArrayList<>();
        for (Map.Entry<Integer, SortedSet<Integer>> file : hot.linesByFile().entrySet()) {
            files.add(excerpt(file.getKey(), tree.strings().get(file.getKey()), file.getValue(), limits));
        }
        return new SourceExcerpts(files, hot.hottest());
    }

    List<SourceFile> files() {
        return files;
    }

    /** The functions whose files were looked for, hottest first. */
    List<Integer> hotFunctions() {
        return hotFunctions;
    }

    /**
     * The excerpts of file {@code name} (string index {@code file}) around {@code sampledLines}, or the reason it
     * was not read.
     */
    static SourceFile excerpt(int file, String name, SortedSet<Integer> sampledLines, Limits limits) {
        List<String> lines;
        try {
            lines = readLines(name, limits);
        } catch (UnreadableException e) {
            return new SourceFile(file, e.getMessage(), List.of());
        }
        List<Excerpt> excerpts = new ArrayList<>();
        int taken = 0;
        int firstMissing = 0;
        Excerpt open = null;
        for (int line : sampledLines) {
            if (line > lines.size()) {
                firstMissing = firstMissing == 0 ? line : firstMissing;
                continue;
            }
            if (taken++ == limits.sampledLinesPerFile()) {
                break;
            }
            int from = Math.max(1, line - limits.contextLines());
            int to = Math.min(lines.size(), line + limits.contextLines());
            if (open != null && from <= open.lastLine() + 1) {
                open = open.extendedTo(to, lines, limits);
                excerpts.set(excerpts.size() - 1, open);
            } else {
                open = Excerpt.of(from, to, lines, limits);
                excerpts.add(open);
            }
        }
        String problem = firstMissing == 0 ? null
                : "the file has " + lines.size() + " lines, fewer than the sampled line " + firstMissing
                        + ": it changed since the program loaded it";
        return new SourceFile(file, problem, excerpts);
    }

    private static boolean isPythonSource(String name) {
        return name.endsWith(".py") || name.endsWith(".pyw");
    }

    private static List<String> readLines(String name, Limits limits) throws UnreadableException {
        if (!isPythonSource(name)) {
            throw new UnreadableException("source not readable: not a Python source file");
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UnreadableException("source not readable: not a valid path");
        }
        if (!path.isAbsolute()) {
            throw new UnreadableException("source not readable: a relative path, relative to the program's directory");
        }
        try {
            // A link named like a source file must lead to one too.
            if (!isPythonSource(path.toRealPath().toString())) {
                throw new UnreadableException("source not readable: a link to a file that is not Python source");
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new UnreadableException("source not readable: not a regular file");
            }
            if (attributes.size() > limits.maxFileBytes()) {
                throw new UnreadableException("source not read: larger than " + limits.maxFileBytes() + " bytes");
            }
            return splitLines(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new UnreadableException("source not readable: no such file here");
        } catch (IOException | SecurityException e) {
            throw new UnreadableException("source not readable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The lines of UTF-8 (or ASCII-compatible) text, split at {@code \n}, {@code \r\n} and {@code \r} as Python. */
    static List<String> splitLines(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * How much source is read and kept.
     *
     * @param maxFileBytes        larger files are not read
     * @param contextLines        lines kept before and after each sampled line
     * @param sampledLinesPerFile sampled lines kept per file, the first ones by line number
     * @param maxLineChars        longer lines are cut, ending with an ellipsis
     */
    record Limits(long maxFileBytes, int contextLines, int sampledLinesPerFile, int maxLineChars) {
    }

    /**
     * One file's excerpts.
     *
     * @param file    the file's name as a string index
     * @param problem why the file was not read, or why only part of it; {@code null} when all went well
     */
    record SourceFile(int file, String problem, List<Excerpt> excerpts) {
        SourceFile {
            excerpts = List.copyOf(excerpts);
        }
    }

    /** Consecutive lines of a file, starting at line {@code firstLine} (1-based). */
    record Excerpt(int firstLine, List<String> lines) {
        Excerpt {
            lines = List.copyOf(lines);
        }

        static Excerpt of(int from, int to, List<String> fileLines, Limits limits) {
            List<String> kept = new ArrayList<>();
            for (int line = from; line <= to; line++) {
                kept.add(cut(fileLines.get(line - 1), limits));
            }
            return new Excerpt(from, kept);
        }

        int lastLine() {
            return firstLine + lines.size() - 1;
        }

        Excerpt extendedTo(int to, List<String> fileLines, Limits limits) {
            List<String> kept = new ArrayList<>(lines);
            for (int line = lastLine() + 1; line <= to; line++) {
                kept.add(cut(fileLines.get(line - 1), limits));
            }
            return new Excerpt(firstLine, kept);
        }

        private static String cut(String line, Limits limits) {
            return line.length() <= limits.maxLineChars() ? line
                    : line.substring(0, limits.maxLineChars()) + "\u2026";
        }
    }

    private static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message, null, false, false);
        }
    }
}
