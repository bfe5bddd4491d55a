// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPython version: {@code major.minor.patch[level serial][+build]}, e.g. {@code 3.11.7}, {@code 3.15.0a2},
 * {@code 2.7.15+}.
 *
 * @param releaseLevel {@code ""} for a final release, else {@code a}, {@code b} or {@code rc}
 * @param build        build metadata after {@code +} (e.g. {@code cinder}), or {@code ""}
 */
public record PythonVersion(int major, int minor, int patch, String releaseLevel, int serial, String build)
        implements Comparable<PythonVersion> {

    private static final Pattern TEXT = Pattern.compile(
            "(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(a|b|rc|c)(\\d+))?(?:\\+([0-9A-Za-z.-]*))?");
    private static final Comparator<PythonVersion> ORDER = Comparator.comparingInt(PythonVersion::major)
            .thenComparingInt(PythonVersion::minor)
            .thenComparingInt(PythonVersion::patch)
            .thenComparingInt(PythonVersion::levelRank)
            .thenComparingInt(PythonVersion::serial);

    public PythonVersion {
        Objects.requireNonNull(releaseLevel, "releaseLevel is null");
        Objects.requireNonNull(build, "build is null");
        if (major < 2 || minor < 0 || patch < 0 || serial < 0) {
            throw new IllegalArgumentException("not a Python version: " + major + "." + minor + "." + patch);
        }
    }

    public static PythonVersion of(int major, int minor, int patch) {
        return new PythonVersion(major, minor, patch, "", 0, "");
    }

    /**
     * Decodes {@code PY_VERSION_HEX} ({@code Py_Version}, {@code _Py_DebugOffsets.version}):
     * major, minor, micro bytes, then a level nibble (0xA alpha, 0xB beta, 0xC candidate, 0xF final) and serial.
     */
    public static PythonVersion fromHex(long hex) {
        int level = (int) (hex >>> 4) & 0xF;
        String levelText = switch (level) {
            case 0xA -> "a";
            case 0xB -> "b";
            case 0xC -> "rc";
            default -> "";
        };
        return new PythonVersion((int) (hex >>> 24) & 0xFF, (int) (hex >>> 16) & 0xFF, (int) (hex >>> 8) & 0xFF,
                levelText, levelText.isEmpty() ? 0 : (int) hex & 0xF, "");
    }

    /** Parses the dotted form; throws {@link IllegalArgumentException} for anything else. */
    public static PythonVersion parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Python version: '" + text + "'");
        }
        String level = m.group(4) == null ? "" : m.group(4).equals("c") ? "rc" : m.group(4);
        return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), level,
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? "" : m.group(6));
    }

    /** {@code PY_VERSION_HEX} of this version. */
    public long toHex() {
        int level = switch (releaseLevel) {
            case "a" -> 0xA;
            case "b" -> 0xB;
            case "rc" -> 0xC;
            default -> 0xF;
        };
        return ((long) major << 24) | ((long) minor << 16) | ((long) patch << 8) | ((long) level << 4) | serial;
    }

    public boolean isPreRelease() {
        return !releaseLevel.isEmpty();
    }

    /** Whether this is at least {@code major.minor}. */
    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** {@code major.minor}, the key of a layout family. */
    public String minorVersion() {
        return major + "." + minor;
    }

    private int levelRank() {
        return switch (releaseLevel) {
            case "a" -> 0;
            case "b" -> 1;
            case "rc" -> 2;
            default -> 3;
        };
    }

    @Override
    public int compareTo(PythonVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (releaseLevel.isEmpty() ? "" : releaseLevel + serial)
                + (build.isEmpty() ? "" : "+" + build);
    }
}
