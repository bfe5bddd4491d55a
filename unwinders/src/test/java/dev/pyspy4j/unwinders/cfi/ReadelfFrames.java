// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interpreted call-frame tables {@code readelf --debug-dump=frames-interp} prints for a binary: per FDE its
 * range and its rows, each row a location, the CFA and one cell per register column, spelled as readelf spells
 * them ({@code rsp+8}, {@code exp}, {@code c-16}, {@code u}, {@code s}, {@code v+8}, {@code vexp}, {@code r1 (rdx)}).
 */
record ReadelfFrames(List<Fde> fdes) {
    static final Map<String, Integer> DWARF_NUMBERS = Map.ofEntries(Map.entry("rax", 0), Map.entry("rdx", 1),
            Map.entry("rcx", 2), Map.entry("rbx", 3), Map.entry("rsi", 4), Map.entry("rdi", 5), Map.entry("rbp", 6),
            Map.entry("rsp", 7), Map.entry("r8", 8), Map.entry("r9", 9), Map.entry("r10", 10), Map.entry("r11", 11),
            Map.entry("r12", 12), Map.entry("r13", 13), Map.entry("r14", 14), Map.entry("r15", 15),
            Map.entry("ra", 16));
    static final String[] NAMES = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11",
        "r12", "r13", "r14", "r15", "ra"};

    private static final Pattern FDE = Pattern.compile(
            "^[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ FDE cie=[0-9a-f]+ pc=([0-9a-f]+)\\.\\.([0-9a-f]+)");

    record Fde(long start, long end, List<String> columns, List<Row> rows) {
    }

    record Row(long location, String cfa, List<String> cells) {
    }

    static ReadelfFrames of(Path binary) throws IOException, InterruptedException {
        Process readelf = new ProcessBuilder("readelf", "--debug-dump=frames-interp", binary.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(readelf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // readelf exits with 1 on binaries whose separate debug file it cannot find, after printing the tables.
        if (readelf.waitFor() > 1 || !text.contains("Contents of the")) {
            throw new IllegalStateException("readelf failed on " + binary);
        }
        return parse(text);
    }

    static ReadelfFrames parse(String text) {
        List<Fde> fdes = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher fde = FDE.matcher(lines[i]);
            if (!fde.find()) {
                continue;
            }
            long start = Long.parseUnsignedLong(fde.group(1), 16);
            long end = Long.parseUnsignedLong(fde.group(2), 16);
            if (i + 1 >= lines.length || !lines[i + 1].trim().startsWith("LOC")) {
                continue;
            }
            String[] header = lines[i + 1].trim().split("\\s+");
            List<String> columns = List.of(header).subList(2, header.length);
            List<Row> rows = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.length && !lines[j].isBlank(); j++) {
                List<String> cells = new ArrayList<>();
                for (String token : lines[j].trim().split("\\s+")) {
                    // a register-in-register cell is printed as two words, "r1 (rdx)"
                    if (token.startsWith("(") && !cells.isEmpty()) {
                        cells.set(cells.size() - 1, cells.get(cells.size() - 1) + " " + token);
                    } else {
                        cells.add(token);
                    }
                }
                rows.add(new Row(Long.parseUnsignedLong(cells.get(0), 16), cells.get(1),
                        cells.subList(2, cells.size())));
            }
            fdes.add(new Fde(start, end, columns, rows));
            i = j;
        }
        return new ReadelfFrames(fdes);
    }

    /** How readelf prints a CFA rule. */
    static String cfaText(CfaRule rule) {
        return rule.isExpression() ? "exp" : NAMES[rule.register()] + (rule.offset() >= 0 ? "+" : "") + rule.offset();
    }

    /** How readelf prints a register rule. */
    static String ruleText(RegisterRule rule) {
        return switch (rule.kind()) {
            case UNSPECIFIED, UNDEFINED -> "u";
            case SAME_VALUE -> "s";
            case OFFSET -> "c" + (rule.operand() >= 0 ? "+" : "") + rule.operand();
            case VAL_OFFSET -> "v" + (rule.operand() >= 0 ? "+" : "") + rule.operand();
            case REGISTER -> "r" + rule.operand() + " (" + NAMES[(int) rule.operand()] + ")";
            case EXPRESSION -> "exp";
            case VAL_EXPRESSION -> "vexp";
        };
    }
}
