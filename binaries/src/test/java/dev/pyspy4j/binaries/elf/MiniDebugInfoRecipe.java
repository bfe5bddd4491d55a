// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a MiniDebugInfo binary the way distributions do (gdb manual, "MiniDebugInfo"): compile, keep
 * the function symbols {@code .dynsym} lacks in a symbol-only debug file, xz it, and add it as
 * {@code .gnu_debugdata} to a stripped copy. Needs gcc (Debian package gcc), nm/objcopy/strip (binutils), xz (xz-utils).
 */
final class MiniDebugInfoRecipe {
    /** The unstripped program and its stripped copy carrying {@code .gnu_debugdata}. */
    record Built(Path unstripped, Path withMiniDebugInfo) {
    }

    private MiniDebugInfoRecipe() {
    }

    static Built build(Path cSource, Path directory) {
        Path unstripped = directory.resolve("hello");
        ExternalTool.run("gcc", "-O1", "-o", unstripped.toString(), cSource.toString());
        Path work = copy(unstripped, directory.resolve("hello-minidebuginfo"));
        Set<String> dynamic = names(ExternalTool.run("nm", "-D", work.toString(), "--format=posix", "--defined-only"));
        List<String> keep = ExternalTool.run("nm", work.toString(), "--format=posix", "--defined-only").stream()
                .map(line -> line.split(" "))
                .filter(fields -> Set.of("T", "t", "D").contains(fields[1]))
                .map(fields -> fields[0])
                .filter(name -> !dynamic.contains(name))
                .sorted()
                .toList();
        Path keepSymbols = write(directory.resolve("keep_symbols"), keep);
        Path debug = directory.resolve("debug");
        Path mini = directory.resolve("mini_debuginfo");
        ExternalTool.run("objcopy", "--only-keep-debug", work.toString(), debug.toString());
        ExternalTool.run("objcopy", "-S", "--remove-section", ".gdb_index", "--remove-section", ".comment",
                "--keep-symbols=" + keepSymbols, debug.toString(), mini.toString());
        ExternalTool.run("strip", "--strip-all", "-R", ".comment", work.toString());
        ExternalTool.run("xz", mini.toString());
        ExternalTool.run("objcopy", "--add-section", ".gnu_debugdata=" + mini + ".xz", work.toString());
        return new Built(unstripped, work);
    }

    private static Set<String> names(List<String> nmPosixLines) {
        return nmPosixLines.stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
    }

    private static Path copy(Path from, Path to) {
        try {
            return Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, List<String> lines) {
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
