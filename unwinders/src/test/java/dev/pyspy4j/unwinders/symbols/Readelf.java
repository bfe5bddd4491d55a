// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** readelf (Debian package binutils) as the live tests' oracle for symbol values and the first PT_LOAD. */
final class Readelf {
    /** A function symbol as {@code readelf -W -s} lists it, without its {@code @VERSION}. */
    record Function(String name, long value, long size) {
    }

    private Readelf() {
    }

    static Function function(Path file, String name) {
        return functions(file).stream().filter(function -> function.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("readelf lists no function " + name + " in " + file));
    }

    /** Every function name readelf lists at {@code value}: the aliases the resolver may choose among. */
    static Set<String> namesAt(Path file, long value) {
        Set<String> names = new HashSet<>();
        functions(file).stream().filter(function -> function.value() == value).forEach(f -> names.add(f.name()));
        return names;
    }

    /** {@code p_vaddr} of the first {@code PT_LOAD}. */
    static long firstLoadAddress(Path file) {
        for (String line : run("readelf", "-W", "-l", file.toString())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && fields[0].equals("LOAD")) {
                return Long.decode(fields[2]);
            }
        }
        throw new AssertionError("readelf lists no PT_LOAD in " + file);
    }

    private static List<Function> functions(Path file) {
        return run("readelf", "-W", "-s", file.toString()).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length >= 8 && fields[0].endsWith(":")
                        && (fields[3].equals("FUNC") || fields[3].equals("IFUNC")) && !fields[6].equals("UND"))
                .map(fields -> new Function(fields[7].replaceFirst("@.*", ""), Long.parseUnsignedLong(fields[1], 16),
                        fields[2].startsWith("0x") ? Long.decode(fields[2]) : Long.parseLong(fields[2])))
                .toList();
    }

    private static List<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // readelf exits 1 on a memory image such as the vDSO ("Unable to find program interpreter") yet prints
            // the tables, so only missing output counts as a failure
            process.waitFor();
            if (output.isEmpty()) {
                throw new AssertionError(String.join(" ", command) + " printed nothing; is binutils installed?");
            }
            return output.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
