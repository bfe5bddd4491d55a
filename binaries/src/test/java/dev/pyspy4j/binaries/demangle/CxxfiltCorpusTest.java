// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import dev.pyspy4j.binaries.elf.ExternalTool;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Demangles the C++ symbols of real libraries on this machine (libstdc++ always; ICU, LLVM, libclang and
 * Boost where installed, found through {@code ldconfig -p}) and compares every result with one batch run of
 * {@code c++filt -p}: each name must come out exactly as c++filt prints it, or empty. (Clone suffixes, which
 * -p drops and the demangler keeps, are taken from a second c++filt run over the names that have one; the
 * exported symbols of these libraries have none.) Empty results must stay
 * rare (measured on Debian 12 with binutils 2.40: 4 of 30,000 names, 0.013%, all lambdas whose signature
 * reuses a substitution made in another function template's signature; the threshold leaves room for other
 * library versions).
 */
class CxxfiltCorpusTest {
    private static final int CORPUS_SIZE = 30_000;
    private static final double MAX_EMPTY_SHARE = 0.005;
    private static final int MIN_NAMES = 2_000;
    private static final Pattern LIBRARY_LINE = Pattern.compile("^\\s*(\\S+) \\(.*\\) => (\\S+)$");
    private static final Pattern WANTED = Pattern.compile("^lib(stdc\\+\\+|icu\\w*|LLVM[\\w.-]*|clang[\\w.-]*"
            + "|boost_\\w+)\\.so.*");

    @Test
    void everyNameIsExactlyWhatCxxfiltPrintsOrEmpty() {
        Map<String, List<String>> corpus = corpus();
        List<String> names = new ArrayList<>();
        corpus.values().forEach(names::addAll);
        assertThat(names.size()).as("names in the corpus").isGreaterThanOrEqualTo(MIN_NAMES);
        List<String> expected = Tools.expectedDemangling(names);

        List<String> wrong = new ArrayList<>();
        int index = 0;
        int totalExact = 0;
        int totalEmpty = 0;
        for (Map.Entry<String, List<String>> library : corpus.entrySet()) {
            int exact = 0;
            int empty = 0;
            for (String name : library.getValue()) {
                String want = expected.get(index++);
                Optional<String> got = ItaniumDemangler.demangle(name);
                if (got.isEmpty()) {
                    empty++;
                } else if (got.get().equals(want)) {
                    exact++;
                } else {
                    wrong.add(name + "\n    got:      " + got.get() + "\n    c++filt:  " + want);
                }
            }
            totalExact += exact;
            totalEmpty += empty;
            System.out.printf("demangle corpus: %-40s %6d names, %6d exact, %4d empty%n", library.getKey(),
                    library.getValue().size(), exact, empty);
        }
        double emptyShare = (double) totalEmpty / names.size();
        System.out.printf("demangle corpus: %d names, %d exact, %d empty (%.3f%%), %d wrong%n", names.size(),
                totalExact, totalEmpty, 100 * emptyShare, wrong.size());

        assertThat(wrong).as("names demangled differently from c++filt -p").isEmpty();
        assertThat(emptyShare).as("share of names left undemangled").isLessThan(MAX_EMPTY_SHARE);
    }

    /** Library name -> its sampled, deduplicated C++ symbols (a name belongs to the first library that has it). */
    private static Map<String, List<String>> corpus() {
        Map<String, TreeSet<String>> symbols = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Path library : libraries()) {
            TreeSet<String> names = new TreeSet<>();
            for (List<String> listing : List.of(ExternalTool.run("nm", "-D", "--defined-only", library.toString()),
                    ExternalTool.run("nm", "--defined-only", library.toString()))) {
                for (String line : listing) {
                    String[] fields = line.trim().split("\\s+");
                    String name = fields[fields.length - 1];
                    int version = name.indexOf('@');
                    name = version >= 0 ? name.substring(0, version) : name;
                    if (name.startsWith("_Z") && !seen.contains(name)) {
                        names.add(name);
                    }
                }
            }
            seen.addAll(names);
            if (!names.isEmpty()) {
                symbols.put(library.getFileName().toString(), names);
            }
        }
        return sample(symbols);
    }

    /**
     * Shares {@link #CORPUS_SIZE} out fairly: libraries smaller than their share give all their names, the
     * rest give an evenly spread sample (every k-th name in sorted order, so the corpus is reproducible).
     */
    private static Map<String, List<String>> sample(Map<String, TreeSet<String>> symbols) {
        List<String> bySize = new ArrayList<>(symbols.keySet());
        bySize.sort(Comparator.comparingInt(library -> symbols.get(library).size()));
        Map<String, List<String>> sampled = new LinkedHashMap<>();
        int left = CORPUS_SIZE;
        for (int i = 0; i < bySize.size(); i++) {
            List<String> names = new ArrayList<>(symbols.get(bySize.get(i)));
            int share = left / (bySize.size() - i);
            List<String> taken = new ArrayList<>();
            if (names.size() <= share) {
                taken.addAll(names);
            } else {
                for (int k = 0; k < share; k++) {
                    taken.add(names.get((int) ((long) k * names.size() / share)));
                }
            }
            left -= taken.size();
            sampled.put(bySize.get(i), taken);
        }
        return sampled;
    }

    private static List<Path> libraries() {
        Set<Path> found = new TreeSet<>();
        for (String line : ExternalTool.run("ldconfig", "-p")) {
            Matcher matcher = LIBRARY_LINE.matcher(line);
            if (matcher.matches() && WANTED.matcher(matcher.group(1)).matches()) {
                try {
                    found.add(Path.of(matcher.group(2)).toRealPath());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(found).as("libstdc++ among the libraries").anyMatch(p -> p.toString().contains("libstdc++"));
        return new ArrayList<>(found);
    }
}
