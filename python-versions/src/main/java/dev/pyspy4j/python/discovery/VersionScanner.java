// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.python.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the full version of interpreters older than 3.11 (which lack {@code Py_Version}): at start-up
 * {@code Py_GetVersion()} formats {@code "<PY_VERSION> (<build info>) <compiler>"} into a static buffer among the
 * zeroed data ({@code .bss}, or the end of {@code .data} where the linker has no {@code .bss}; see
 * {@code Python/getversion.c}), so the first such string there is the running version.
 */
final class VersionScanner {
    /** {@code 3.9.18 (}, {@code 2.7.15+ (}, {@code 3.8.5+cinder (}, {@code 3.13.0rc3 (}. */
    private static final Pattern VERSION = Pattern.compile(
            "((?:2|3)\\.\\d{1,2}\\.\\d{1,2}(?:(?:a|b|rc)\\d{1,2})?)(\\+[0-9A-Za-z.-]*)? \\(");
    /** The buffer is in the first part of .bss in practice; a bigger section is read only this far. */
    private static final int MAX_SCAN = 8 << 20;

    private VersionScanner() {
    }

    /** The version in the first of {@code sections} of {@code image} that holds one. */
    static Optional<PythonVersion> scan(BinaryImage image, ProcessMemory memory, List<String> sections) {
        for (String name : sections) {
            Optional<PythonVersion> found = image.section(name).flatMap(section -> scan(section, memory));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<PythonVersion> scan(BinaryImage.Section section, ProcessMemory memory) {
        if (section.size() <= 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = memory.readBytes(section.address(), (int) Math.min(MAX_SCAN, section.size()));
        } catch (SpyException e) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return Optional.empty();
        }
        PythonVersion version = PythonVersion.parse(m.group(1));
        String build = m.group(2) == null ? "" : m.group(2).substring(1);
        return Optional.of(new PythonVersion(version.major(), version.minor(), version.patch(),
                version.releaseLevel(), version.serial(), build));
    }
}
