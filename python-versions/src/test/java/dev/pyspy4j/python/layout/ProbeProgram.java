// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The C source that prints every probe's value: a fixed preamble (the headers, {@code Py_BUILD_CORE} for the
 * internal ones, printing helpers) and then one probe per line, so that a compiler error's line number names
 * the probe that caused it.
 */
final class ProbeProgram {
    private final List<String> preamble;
    private final List<Probe> probes;

    private ProbeProgram(List<String> preamble, List<Probe> probes) {
        this.preamble = List.copyOf(preamble);
        this.probes = List.copyOf(probes);
    }

    static ProbeProgram of(HeaderSet headers, List<Probe> probes) {
        List<String> preamble = new ArrayList<>();
        // Internal headers refuse to compile without Py_BUILD_CORE (Include/internal/pycore_*.h, 3.7's
        // internal/*.h); defining it before Python.h, as py-spy's binding generator does, keeps both consistent.
        preamble.add("#define Py_BUILD_CORE 1");
        preamble.addAll(headers.includeLines());
        preamble.add("#include <stdio.h>");
        preamble.add("#include <string.h>");
        preamble.add("static void u(const char *k, unsigned long long v) { printf(\"%s=%llu\\n\", k, v); }");
        preamble.add("static void s(const char *k, long long v) { printf(\"%s=%lld\\n\", k, v); }");
        preamble.add("static void x(const char *k, unsigned int v) { printf(\"%s=0x%x\\n\", k, v); }");
        preamble.add("int main(void) {");
        return new ProbeProgram(preamble, probes);
    }

    List<Probe> probes() {
        return probes;
    }

    String source() {
        StringBuilder source = new StringBuilder();
        preamble.forEach(line -> source.append(line).append('\n'));
        probes.forEach(probe -> source.append(probe.statement()).append('\n'));
        return source.append("return 0;\n}\n").toString();
    }

    /** The probe on 1-based source line {@code line}, if that line holds one. */
    Optional<Probe> probeAtLine(int line) {
        int index = line - preamble.size() - 1;
        return index >= 0 && index < probes.size() ? Optional.of(probes.get(index)) : Optional.empty();
    }

    /** The same program without {@code dropped}. */
    ProbeProgram without(Set<Probe> dropped) {
        return new ProbeProgram(preamble, probes.stream().filter(probe -> !dropped.contains(probe)).toList());
    }
}
