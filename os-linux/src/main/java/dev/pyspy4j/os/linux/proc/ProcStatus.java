// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /proc/<pid>/status} (proc(5)): one {@code Key:<tab>value} pair per line.
 * Used for what {@code stat} lacks: the thread group id and the pid of a tracer (debugger) already attached.
 */
public final class ProcStatus {
    private final Map<String, String> fields;

    private ProcStatus(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Parses a status file; {@code source} names it in error messages. */
    public static ProcStatus parse(String text, String source) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProcParseException(source, "line without 'key:'", line);
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return new ProcStatus(fields);
    }

    /** The raw value of a field, e.g. {@code State} gives {@code S (sleeping)}. */
    public String field(String key) {
        return fields.getOrDefault(key, "");
    }

    /** {@code TracerPid}: the process tracing this one, 0 for none; empty when absent or not a number. */
    public OptionalLong tracerPid() {
        return number("TracerPid");
    }

    /** {@code Tgid}: the process (thread group) this task belongs to. */
    public OptionalLong threadGroupId() {
        return number("Tgid");
    }

    private OptionalLong number(String key) {
        String value = field(key);
        return value.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }
}
