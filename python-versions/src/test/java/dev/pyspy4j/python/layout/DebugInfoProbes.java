// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the structs that CPython defines only in its .c files, never in installed headers
 * ({@code struct _dictkeysobject} and {@code PyDictKeyEntry} live in Objects/dict-common.h up to 3.10,
 * {@code PyModuleObject} in Objects/moduleobject.c up to 3.9), by evaluating the same offsetof/sizeof
 * expressions with gdb against the DWARF of the interpreter's shared library.
 */
final class DebugInfoProbes {
    /** Key prefixes of the source-only structs; a probe of another struct never comes from debug info. */
    static final Set<String> SOURCE_ONLY = Set.of("_dictkeysobject.", "sizeof(_dictkeysobject)",
            "PyDictKeyEntry.", "sizeof(PyDictKeyEntry)", "PyModuleObject.", "sizeof(PyModuleObject)");

    private DebugInfoProbes() {
    }

    /** Whether {@code probe} measures a source-only struct. */
    static boolean isSourceOnly(Probe probe) {
        return SOURCE_ONLY.stream().anyMatch(probe.key()::startsWith) && !probe.debugInfoExpression().isEmpty();
    }

    /** The values gdb can evaluate in {@code library}; a field the DWARF lacks is an error gdb skips past. */
    static Map<String, String> measure(Path library, List<Probe> probes, Path workDir) {
        List<String> command = new ArrayList<>(List.of("gdb", "-batch", "-nx"));
        for (Probe probe : probes) {
            command.add("-ex");
            // The key goes into the format: a string argument would need a live process to hold it.
            command.add("printf \"" + probe.key() + "=%lu\\n\", (unsigned long) (" + probe.debugInfoExpression()
                    + ")");
        }
        command.add(library.toString());
        ToolRun.Result result = ToolRun.run(command, workDir);
        Map<String, String> values = new TreeMap<>();
        for (String line : result.stdout().lines().toList()) {
            int equals = line.indexOf('=');
            String key = equals > 0 ? line.substring(0, equals) : "";
            if (probes.stream().anyMatch(probe -> probe.key().equals(key))) {
                values.put(key, line.substring(equals + 1));
            }
        }
        return values;
    }
}
