// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed output of {@code dump_line_tables.py}: per code object, its raw table and CPython's line for each
 * bytecode unit according to each of the interpreter's own APIs (tag {@code A}, {@code L}, {@code P}, {@code F}).
 */
record CPythonLineDump(String version, int unitBytes, List<Code> codes) {
    /** One code object and the answers CPython gave for it, by API tag; -1 means "no line". */
    record Code(String name, int firstLine, byte[] table, int codeBytes, Map<String, int[]> answers) {
    }

    static CPythonLineDump parse(String output) {
        String version = null;
        int unitBytes = 0;
        List<Code> codes = new ArrayList<>();
        String[] header = null;
        Map<String, int[]> answers = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split(" ");
            switch (fields[0]) {
                case "V" -> {
                    version = fields[1];
                    unitBytes = Integer.parseInt(fields[2]);
                }
                case "C" -> {
                    addCode(codes, header, answers);
                    header = fields;
                    answers = new LinkedHashMap<>();
                }
                case "A", "L", "P", "F" -> answers.put(fields[0], numbers(fields));
                default -> throw new IllegalArgumentException("unexpected line in the dump: " + line);
            }
        }
        addCode(codes, header, answers);
        return new CPythonLineDump(version, unitBytes, codes);
    }

    private static void addCode(List<Code> codes, String[] header, Map<String, int[]> answers) {
        if (header != null) {
            byte[] table = header[3].equals("-") ? new byte[0] : HexFormat.of().parseHex(header[3]);
            codes.add(new Code(header[1], Integer.parseInt(header[2]), table, Integer.parseInt(header[4]),
                    Map.copyOf(answers)));
        }
    }

    private static int[] numbers(String[] fields) {
        int[] numbers = new int[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            numbers[i - 1] = Integer.parseInt(fields[i]);
        }
        return numbers;
    }
}
