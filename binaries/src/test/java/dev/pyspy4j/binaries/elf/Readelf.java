// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs binutils' {@code readelf -W} on a file and parses what it prints: the independent oracle of the ELF tests. */
final class Readelf {
    /** One line of {@code readelf -W -s}; {@code version} is what follows {@code @} or {@code @@} in the name. */
    record Symbol(String table, int number, long value, long size, String type, String bind, String ndx,
            String name, String version, boolean defaultVersion) {
        boolean isDefined() {
            return !ndx.equals("UND");
        }
    }

    /** One line of {@code readelf -W -S}. */
    record Section(int index, String name, String type, long address, long offset, long size, long entrySize,
            String flags, long link, long info, long align) {
    }

    /** One {@code LOAD} line of {@code readelf -W -l}. */
    record Load(long offset, long vaddr, long fileSize, long memorySize, String flags, long align) {
    }

    /**
     * One note of {@code readelf -n}: {@code where} is the section name, or the file offset of the segment
     * ({@code 0x...}) when readelf read segments; {@code buildId} is the hex it prints for a build-id note, else "".
     */
    record Note(String where, String owner, long dataSize, String typeName, String buildId) {
    }

    /** What {@code readelf -wk} (the {@code .gnu_debuglink} part of {@code --debug-dump=links}) prints, or null. */
    record DebugLink(String fileName, long crc) {
    }

    private static final Pattern NOTES_IN_SECTION = Pattern.compile("^Displaying notes found in: (\\S+)$");
    private static final Pattern NOTES_AT_OFFSET = Pattern.compile(
            "^Displaying notes found at file offset (0x[0-9a-f]+) with length 0x[0-9a-f]+:$");
    private static final Pattern NOTE = Pattern.compile("^  (\\S+)\\s+0x([0-9a-f]+)\\s+(\\S+).*$");
    private static final Pattern BUILD_ID = Pattern.compile("^\\s+Build ID: ([0-9a-f]+)$");
    private static final Pattern DEBUG_FILE = Pattern.compile("^\\s+Separate debug info file: (.+)$");
    private static final Pattern CRC = Pattern.compile("^\\s+CRC value: 0x([0-9a-f]+)$");
    private static final Pattern TABLE = Pattern.compile("^Symbol table '([^']+)' contains \\d+ entr(y|ies):$");
    private static final Pattern SYMBOL = Pattern.compile(
            "^\\s*(\\d+):\\s+([0-9a-f]+)\\s+(0x[0-9a-f]+|\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)"
                    + "(?:\\s+(\\S+))?(?:\\s+\\(\\d+\\))?\\s*$");
    private static final Pattern SECTION = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)"
                    + "\\s+([A-Za-z]*)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern LOAD = Pattern.compile(
            "^\\s*LOAD\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+0x[0-9a-f]+\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)"
                    + "\\s+(.{3})\\s+0x([0-9a-f]+)\\s*$");
    private static final Pattern HEADER_FIELD = Pattern.compile("^\\s+([^:]+):\\s+(.*)$");

    private Readelf() {
    }

    static List<Symbol> symbols(Path file) {
        List<Symbol> symbols = new ArrayList<>();
        String table = null;
        for (String line : ExternalTool.run("readelf", "-W", "-s", file.toString())) {
            Matcher header = TABLE.matcher(line);
            if (header.matches()) {
                table = header.group(1);
                continue;
            }
            if (line.isBlank() || line.trim().startsWith("Num:")) {
                continue;
            }
            Matcher m = SYMBOL.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected readelf -s line: " + line);
            }
            symbols.add(symbol(table, m));
        }
        return symbols;
    }

    static List<Section> sections(Path file) {
        List<Section> sections = new ArrayList<>();
        for (String line : ExternalTool.run("readelf", "-W", "-S", file.toString())) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                sections.add(new Section(Integer.parseInt(m.group(1)), m.group(2), m.group(3), hex(m.group(4)),
                        hex(m.group(5)), hex(m.group(6)), hex(m.group(7)), m.group(8), Long.parseLong(m.group(9)),
                        Long.parseLong(m.group(10)), Long.parseLong(m.group(11))));
            }
        }
        return sections;
    }

    static List<Load> loads(Path file) {
        List<Load> loads = new ArrayList<>();
        for (String line : ExternalTool.run("readelf", "-W", "-l", file.toString())) {
            Matcher m = LOAD.matcher(line);
            if (m.matches()) {
                loads.add(new Load(hex(m.group(1)), hex(m.group(2)), hex(m.group(3)), hex(m.group(4)),
                        m.group(5).trim(), hex(m.group(6))));
            }
        }
        return loads;
    }

    /** {@code readelf -h} as "field name → text", e.g. "Number of section headers" → "32". */
    static Map<String, String> header(Path file) {
        Map<String, String> fields = new HashMap<>();
        for (String line : ExternalTool.run("readelf", "-h", file.toString())) {
            Matcher m = HEADER_FIELD.matcher(line);
            if (m.matches()) {
                fields.put(m.group(1).trim(), m.group(2).trim());
            }
        }
        return fields;
    }

    static List<Note> notes(Path file) {
        List<Note> notes = new ArrayList<>();
        String where = null;
        for (String line : ExternalTool.run("readelf", "-n", file.toString())) {
            Matcher section = NOTES_IN_SECTION.matcher(line);
            Matcher segment = NOTES_AT_OFFSET.matcher(line);
            Matcher note = NOTE.matcher(line);
            Matcher buildId = BUILD_ID.matcher(line);
            if (section.matches()) {
                where = section.group(1);
            } else if (segment.matches()) {
                where = "0x" + Long.toHexString(hex(segment.group(1)));
            } else if (note.matches() && !note.group(1).equals("Owner")) {
                notes.add(new Note(where, note.group(1), hex(note.group(2)), note.group(3), ""));
            } else if (buildId.matches()) {
                Note last = notes.remove(notes.size() - 1);
                notes.add(new Note(last.where(), last.owner(), last.dataSize(), last.typeName(), buildId.group(1)));
            }
        }
        return notes;
    }

    /** The {@code .gnu_debuglink} readelf decodes, or null if the file has none. */
    static DebugLink debugLink(Path file) {
        String name = null;
        for (String line : ExternalTool.run("readelf", "-wk", file.toString())) {
            Matcher debugFile = DEBUG_FILE.matcher(line);
            Matcher crc = CRC.matcher(line);
            if (debugFile.matches()) {
                name = debugFile.group(1);
            } else if (crc.matches() && name != null) {
                return new DebugLink(name, hex(crc.group(1)));
            }
        }
        return null;
    }

    static long hex(String digits) {
        return Long.parseUnsignedLong(digits.startsWith("0x") ? digits.substring(2) : digits, 16);
    }

    private static Symbol symbol(String table, Matcher m) {
        String size = m.group(3);
        String fullName = m.group(8) == null ? "" : m.group(8);
        int at = fullName.indexOf('@');
        String name = at < 0 ? fullName : fullName.substring(0, at);
        boolean defaultVersion = fullName.contains("@@");
        String version = at < 0 ? "" : fullName.substring(at + (defaultVersion ? 2 : 1));
        return new Symbol(table, Integer.parseInt(m.group(1)), hex(m.group(2)),
                size.startsWith("0x") ? hex(size) : Long.parseLong(size), m.group(4), m.group(5), m.group(7),
                name, version, defaultVersion);
    }
}
