// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A shared object compiled with gcc at test time: static (file-local) functions that only {@code .symtab} names,
 * exported ones, a global alias of a static function, a weak function, and an assembly label without a size; plus
 * the stripped variants distributions ship (MiniDebugInfo, separate debug file).
 */
final class TestLibrary {
    static final int STATIC_FUNCTIONS = 20;
    static final String ALIASED_STATIC = "aliased_implementation";
    static final String GLOBAL_ALIAS = "public_alias";
    static final String UNSIZED_LABEL = "unsized_assembly_label";

    private TestLibrary() {
    }

    /** The C source: every function is {@code noinline} so each keeps its own code and symbol. */
    static String source() {
        StringBuilder c = new StringBuilder("volatile int sink;\n");
        for (int i = 0; i < STATIC_FUNCTIONS; i++) {
            c.append("static int __attribute__((noinline)) static_function_").append(i).append("(int x) {\n")
                    .append("    for (int i = 0; i < x; i++) sink += i * ").append(i + 3).append(";\n")
                    .append("    return sink + ").append(i).append(";\n}\n");
            c.append("int __attribute__((noinline)) exported_function_").append(i).append("(int x) {\n")
                    .append("    return static_function_").append(i).append("(x + 1) * 2;\n}\n");
        }
        c.append("static int __attribute__((noinline, used)) ").append(ALIASED_STATIC)
                .append("(int x) { sink = x; return x * 7; }\n");
        c.append("int ").append(GLOBAL_ALIAS).append("(int x) __attribute__((alias(\"").append(ALIASED_STATIC)
                .append("\")));\n");
        c.append("__attribute__((weak, noinline)) int weak_function(int x) { sink = x; return x + 11; }\n");
        // Hand-written assembly with .type but no .size: a FUNC symbol of size 0 followed by a sized function.
        c.append("__asm__(\".text\\n.globl ").append(UNSIZED_LABEL).append("\\n.type ").append(UNSIZED_LABEL)
                .append(", @function\\n").append(UNSIZED_LABEL).append(":\\n    nop\\n    nop\\n    ret\\n\");\n");
        c.append("int after_label(int x) { return x + 1; }\n");
        return c.toString();
    }

    /** {@code lib<name>.so} in {@code directory}, compiled with {@code extraFlags}. */
    static Path compile(Path directory, String name, String... extraFlags) {
        Path source = write(directory.resolve(name + ".c"), List.of(source()));
        Path library = directory.resolve("lib" + name + ".so");
        List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1", "-o", library.toString()));
        command.addAll(List.of(extraFlags));
        command.add(source.toString());
        ExternalTool.run(command.toArray(String[]::new));
        return library;
    }

    /**
     * Adds MiniDebugInfo to a stripped copy, as distributions do: the function symbols {@code .dynsym} lacks, kept
     * in a symbol-only ELF file, xz-compressed into {@code .gnu_debugdata}. Returns the stripped copy without and
     * with the section.
     */
    static Path[] strippedWithMiniDebugInfo(Path library, Path directory) {
        Path stripped = directory.resolve("stripped-" + library.getFileName());
        ExternalTool.run("strip", "--strip-all", "-o", stripped.toString(), library.toString());
        Set<String> dynamic = ExternalTool.run("nm", "-D", "--format=posix", "--defined-only", library.toString()).stream()
                .map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        List<String> keep = ExternalTool.run("nm", "--format=posix", "--defined-only", library.toString()).stream()
                .map(line -> line.split(" "))
                .filter(fields -> fields[1].equals("T") || fields[1].equals("t"))
                .map(fields -> fields[0])
                .filter(name -> !dynamic.contains(name))
                .sorted().toList();
        Path keepFile = write(directory.resolve("keep_symbols"), keep);
        Path debug = directory.resolve("full.debug");
        Path mini = directory.resolve("mini_debuginfo");
        ExternalTool.run("objcopy", "--only-keep-debug", library.toString(), debug.toString());
        ExternalTool.run("objcopy", "-S", "--remove-section", ".gdb_index", "--remove-section", ".comment",
                "--keep-symbols=" + keepFile, debug.toString(), mini.toString());
        ExternalTool.run("xz", "-f", mini.toString());
        Path withMini = directory.resolve("mini-" + library.getFileName());
        ExternalTool.run("objcopy", "--add-section", ".gnu_debugdata=" + mini + ".xz", stripped.toString(),
                withMini.toString());
        return new Path[] {stripped, withMini};
    }

    static Path write(Path file, List<String> lines) {
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
