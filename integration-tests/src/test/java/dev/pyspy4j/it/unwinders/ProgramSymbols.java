// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it.unwinders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The functions of an executable, from binutils' {@code nm -S} (independent of pyspy4j's own ELF reader, so that
 * the unwinders are checked against a second opinion), at their link-time addresses.
 */
final class ProgramSymbols {
    private record Function(long start, long size, String name) {
        boolean contains(long address) {
            return address >= start && address < start + size;
        }
    }

    private final List<Function> functions;

    private ProgramSymbols(List<Function> functions) {
        this.functions = functions;
    }

    static ProgramSymbols of(Path executable) throws IOException, InterruptedException {
        Process nm = new ProcessBuilder("nm", "-S", "--defined-only", executable.toString())
                .redirectErrorStream(true).start();
        String output = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (nm.waitFor() != 0) {
            throw new IllegalStateException("nm failed: " + output);
        }
        return new ProgramSymbols(parse(output));
    }

    /** Lines of four fields, {@code address size type name}, whose type is a text (code) symbol. */
    static List<Function> parse(String nmOutput) {
        List<Function> functions = new ArrayList<>();
        for (String line : nmOutput.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 4 && (fields[2].equals("T") || fields[2].equals("t"))) {
                functions.add(new Function(Long.parseUnsignedLong(fields[0], 16), Long.parseUnsignedLong(fields[1], 16),
                        fields[3]));
            }
        }
        functions.sort(Comparator.comparingLong(Function::start));
        return functions;
    }

    /** The function holding a link-time address. */
    Optional<String> functionAt(long linkTimeAddress) {
        return functions.stream().filter(function -> function.contains(linkTimeAddress)).map(Function::name)
                .findFirst();
    }

    /** The link-time start of a function. */
    long startOf(String name) {
        return functions.stream().filter(function -> function.name().equals(name)).mapToLong(Function::start)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no function " + name));
    }
}
