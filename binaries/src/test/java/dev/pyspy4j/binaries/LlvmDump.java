// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code llvm-readobj} (blocks such as {@code Section { Key: value ... }}) and of
 * {@code llvm-objdump --macho --private-headers} (load commands of {@code key value} lines) into maps, the first
 * occurrence of a key in a block winning (nested blocks repeat some keys).
 */
public final class LlvmDump {
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s+(\\w+): ?(.*)$");
    /** A flag set's opening line, {@code Characteristics [ (0x222E)}. */
    private static final Pattern FLAGS = Pattern.compile("^\\s+(\\w+) \\[ (\\(0x[0-9A-Fa-f]+\\))$");
    private static final Pattern TRAILING_HEX = Pattern.compile("^(.*?) ?\\((0x[0-9A-Fa-f]+)\\)$");

    private LlvmDump() {
    }

    /** The blocks {@code llvm-readobj} opens with {@code name} and a brace, as key-value lines (flags as keys). */
    public static List<Map<String, String>> blocks(List<String> lines, String name) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = null;
        String opening = name + " {";
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.equals(opening)) {
                current = new LinkedHashMap<>();
                blocks.add(current);
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher matcher = KEY_VALUE.matcher(line);
            Matcher flags = FLAGS.matcher(line);
            if (matcher.matches()) {
                current.putIfAbsent(matcher.group(1), matcher.group(2).trim());
            } else if (flags.matches()) {
                current.putIfAbsent(flags.group(1), flags.group(2));
            } else if (trimmed.matches("\\w+")) {
                current.putIfAbsent(trimmed, "");
            }
        }
        return blocks;
    }

    /**
     * The load commands of {@code llvm-objdump --macho --private-headers}, each as its {@code key value} lines
     * (the command's own fields come first, so its {@code segname} wins over its sections').
     */
    public static List<Map<String, String>> loadCommands(List<String> lines) {
        List<Map<String, String>> commands = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Load command ")) {
                current = new LinkedHashMap<>();
                commands.add(current);
                continue;
            }
            if (current == null || trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            current.putIfAbsent(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return commands;
    }

    /** A value's text before a trailing {@code (0x...)} or raw-bytes annotation: {@code __text (5F 5F ...)}. */
    public static String name(String value) {
        int annotation = value.lastIndexOf(" (");
        return annotation < 0 ? value : value.substring(0, annotation);
    }

    /** A number: the trailing {@code (0x...)} of {@code X86-64 (0x1000007)}, else the value in hex or decimal. */
    public static long number(String value) {
        Matcher matcher = TRAILING_HEX.matcher(value);
        String digits = matcher.matches() ? matcher.group(2) : value.trim();
        return digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseUnsignedLong(digits.substring(2), 16)
                : Long.parseLong(digits);
    }
}
