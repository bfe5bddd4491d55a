// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The defined FUNC and IFUNC symbols {@code readelf -W -s} lists for a file (both tables), the test oracle. */
final class ReadelfFunctions {
    /** One symbol as readelf prints it; {@code name} without readelf's {@code @VERSION} suffix. */
    record Function(String name, long start, long size, boolean global) {
        long end() {
            return start + size;
        }
    }

    private final List<Function> functions;
    private final Map<Long, Set<String>> namesByStart = new HashMap<>();

    private ReadelfFunctions(List<Function> functions) {
        this.functions = functions;
        for (Function function : functions) {
            namesByStart.computeIfAbsent(function.start(), start -> new HashSet<>()).add(function.name());
        }
    }

    static ReadelfFunctions of(Path... files) {
        List<Function> functions = new ArrayList<>();
        for (Path file : files) {
            for (String line : ExternalTool.run("readelf", "-W", "-s", file.toString())) {
                // "   42: 0000000000001139    19 FUNC    LOCAL  DEFAULT   14 secret_static_function"
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 8 || !fields[0].endsWith(":")
                        || !(fields[3].equals("FUNC") || fields[3].equals("IFUNC"))
                        || fields[6].equals("UND") || fields[6].equals("ABS")) {
                    continue;
                }
                functions.add(new Function(fields[7].replaceFirst("@.*", ""), Long.parseUnsignedLong(fields[1], 16),
                        parseSize(fields[2]), !fields[4].equals("LOCAL")));
            }
        }
        return new ReadelfFunctions(functions);
    }

    List<Function> all() {
        return functions;
    }

    List<Function> sized() {
        return functions.stream().filter(function -> function.size() > 0).toList();
    }

    Function named(String name) {
        return functions.stream().filter(function -> function.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("readelf lists no function " + name));
    }

    /** Every name readelf lists at {@code start}: aliases of one function. */
    Set<String> namesAt(long start) {
        return namesByStart.getOrDefault(start, Set.of());
    }

    private static long parseSize(String field) {
        return field.startsWith("0x") ? Long.parseLong(field.substring(2), 16) : Long.parseLong(field);
    }
}
