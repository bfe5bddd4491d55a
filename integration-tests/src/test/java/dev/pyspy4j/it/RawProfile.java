// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A {@code record -f raw} file read back: lines {@code root;...;leaf count}, frame labels {@code name (file:line)},
 * {@code name (file)} without line numbers, or a bare name for pseudo-frames.
 */
final class RawProfile {
    private final Map<List<String>, Long> stacks;

    private RawProfile(Map<List<String>, Long> stacks) {
        this.stacks = stacks;
    }

    static RawProfile read(Path file) throws IOException {
        Map<List<String>, Long> stacks = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                throw new AssertionError("not a raw profile line: '" + line + "' in " + file);
            }
            List<String> stack = Arrays.asList(line.substring(0, space).split(";", -1));
            stacks.merge(stack, Long.parseLong(line.substring(space + 1)), Long::sum);
        }
        return new RawProfile(stacks);
    }

    /** Every stack, root first, with its count. */
    Map<List<String>, Long> stacks() {
        return stacks;
    }

    long total() {
        return count(stack -> true);
    }

    /** Samples whose stack matches. */
    long count(Predicate<List<String>> stack) {
        return stacks.entrySet().stream().filter(entry -> stack.test(entry.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Samples with a frame of function {@code name} anywhere in the stack. */
    long withFunction(String name) {
        return count(stack -> stack.stream().anyMatch(label -> label.startsWith(name + " (")));
    }

    /** Samples whose innermost frame is function {@code name}. */
    long withLeaf(String name) {
        return count(stack -> stack.get(stack.size() - 1).startsWith(name + " ("));
    }

    /** Every distinct frame label. */
    List<String> labels() {
        return stacks.keySet().stream().flatMap(List::stream).distinct().sorted().toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        stacks.forEach((stack, count) -> text.append(String.join(";", stack)).append(' ').append(count).append('\n'));
        return text.toString();
    }
}
