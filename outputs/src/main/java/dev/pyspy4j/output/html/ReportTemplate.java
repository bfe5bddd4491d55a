// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The page shipped in this jar, {@code report.html}: markup, style and script, with one slot, {@value #SLOT}, inside
 * the {@code <script type="application/json">} element that receives the recording.
 */
final class ReportTemplate {
    static final String SLOT = "{{data}}";
    private static final String RESOURCE = "/dev/pyspy4j/output/html/report.html";

    private final byte[] beforeData;
    private final byte[] afterData;

    private ReportTemplate(byte[] beforeData, byte[] afterData) {
        this.beforeData = beforeData;
        this.afterData = afterData;
    }

    static ReportTemplate load() {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Splits {@code text} at its one slot. */
    static ReportTemplate parse(String text) {
        int slot = text.indexOf(SLOT);
        if (slot < 0 || text.indexOf(SLOT, slot + 1) >= 0) {
            throw new IllegalArgumentException("the report template must hold " + SLOT + " exactly once");
        }
        byte[] before = text.substring(0, slot).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(slot + SLOT.length()).getBytes(StandardCharsets.UTF_8);
        return new ReportTemplate(before, after);
    }

    byte[] beforeData() {
        return Arrays.copyOf(beforeData, beforeData.length);
    }

    byte[] afterData() {
        return Arrays.copyOf(afterData, afterData.length);
    }
}
