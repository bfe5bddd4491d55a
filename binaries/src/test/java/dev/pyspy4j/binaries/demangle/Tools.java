// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import dev.pyspy4j.binaries.elf.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binutils tools the demangler tests use as oracles: {@code c++filt} (run once per batch, its input from a
 * file) and {@code nm}. A missing tool fails the test naming the Debian package (CI installs binutils).
 */
final class Tools {
    private Tools() {
    }

    private static final Pattern TRAILING_CLONES = Pattern.compile("(?: \\[clone [^\\]]+\\])+$");

    /**
     * What the demangler must print for each name: c++filt -p's text, plus, for a name with a dot (a possible
     * clone suffix), the {@code [clone ...]} blocks c++filt prints for it without -p, which -p drops and the
     * demangler deliberately keeps. One -p batch over all names; one more batch over the dotted ones if any.
     */
    static List<String> expectedDemangling(List<String> mangled) {
        List<String> expected = cxxfilt(mangled, "-p");
        List<Integer> dotted = new ArrayList<>();
        for (int i = 0; i < mangled.size(); i++) {
            if (mangled.get(i).indexOf('.') >= 0 && !expected.get(i).equals(mangled.get(i))) {
                dotted.add(i);
            }
        }
        if (!dotted.isEmpty()) {
            List<String> full = cxxfilt(dotted.stream().map(mangled::get).toList());
            for (int k = 0; k < dotted.size(); k++) {
                Matcher clones = TRAILING_CLONES.matcher(full.get(k));
                if (clones.find()) {
                    int i = dotted.get(k);
                    expected.set(i, expected.get(i) + clones.group());
                }
            }
        }
        return expected;
    }

    /** What {@code c++filt [options]} prints for each name, in order (one it cannot demangle comes back as is). */
    static List<String> cxxfilt(List<String> mangled, String... options) {
        try {
            Path input = Files.createTempFile("demangle-corpus", ".txt");
            try {
                Files.write(input, mangled, StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>(List.of("c++filt"));
                command.addAll(List.of(options));
                List<String> output = new ArrayList<>(ExternalTool.runWithInput(input, command.toArray(String[]::new)));
                if (output.size() != mangled.size()) {
                    throw new IllegalStateException("c++filt printed " + output.size() + " lines for "
                            + mangled.size() + " names");
                }
                return output;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
