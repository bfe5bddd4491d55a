// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.BuildId;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.GnuDebugLink;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the separate debug file of a stripped binary the way gdb does: first by build id, as
 * {@code <root>/.build-id/<first two hex digits>/<the rest>.debug} (what Debian's {@code -dbg} / {@code -dbgsym}
 * packages install), then by the name in {@code .gnu_debuglink}, looked up in the binary's directory, its
 * {@code .debug} subdirectory and {@code <root>/<the binary's directory>/}. A file found by build id must carry
 * the same build id; one found by name must have the CRC-32 the link records, so a stale debug file of an older
 * build is never used.
 */
public final class DebugFileLocator {
    /** Where Debian, Fedora and most distributions install debug files. */
    public static final Path DEFAULT_ROOT = Path.of("/usr/lib/debug");
    private static final String BUILD_ID_DIRECTORY = ".build-id";

    private final List<Path> roots;

    /** Looks under {@code roots} (each like {@code /usr/lib/debug}), in order. */
    public DebugFileLocator(List<Path> roots) {
        this.roots = List.copyOf(Objects.requireNonNull(roots, "roots is null"));
    }

    /** Looks under {@link #DEFAULT_ROOT}. */
    public static DebugFileLocator standard() {
        return new DebugFileLocator(List.of(DEFAULT_ROOT));
    }

    /** A locator that finds nothing, for binaries that have no file (the vDSO). */
    public static DebugFileLocator none() {
        return new DebugFileLocator(List.of());
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * The debug file of {@code binary}.
     *
     * @param binary       the parsed binary
     * @param binaryFile   where this JVM reads the binary (its directory is searched for the debug link's name)
     * @param pathInTarget the binary's path as its process sees it, whose directory names the place under each root
     *                     (equal to {@code binaryFile} outside containers)
     * @throws SpyException MALFORMED_INPUT if the binary's build id note or debug link section is malformed
     */
    public Optional<Path> locate(ElfFile binary, Path binaryFile, String pathInTarget) {
        Optional<BuildId> buildId = binary.buildId();
        if (buildId.isPresent()) {
            Optional<Path> byBuildId = byBuildId(buildId.get());
            if (byBuildId.isPresent()) {
                return byBuildId;
            }
        }
        Optional<GnuDebugLink> link = binary.debugLink();
        if (link.isPresent()) {
            return byDebugLink(link.get(), binaryFile, pathInTarget);
        }
        return Optional.empty();
    }

    private Optional<Path> byBuildId(BuildId buildId) {
        String hex = buildId.hex();
        if (hex.length() < 3) {
            return Optional.empty();
        }
        for (Path root : roots) {
            Path candidate = root.resolve(BUILD_ID_DIRECTORY).resolve(hex.substring(0, 2))
                    .resolve(hex.substring(2) + ".debug");
            if (Files.isRegularFile(candidate) && carries(candidate, buildId)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Optional<Path> byDebugLink(GnuDebugLink link, Path binaryFile, String pathInTarget) {
        if (link.fileName().contains("/") || link.fileName().equals("..") || link.fileName().equals(".")) {
            // The section holds a bare file name; anything else would let a binary point the search elsewhere.
            return Optional.empty();
        }
        for (Path candidate : debugLinkCandidates(link.fileName(), binaryFile, pathInTarget)) {
            if (Files.isRegularFile(candidate) && crcMatches(link, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private List<Path> debugLinkCandidates(String name, Path binaryFile, String pathInTarget) {
        List<Path> candidates = new ArrayList<>();
        Path directory = binaryFile.toAbsolutePath().getParent();
        if (directory != null) {
            candidates.add(directory.resolve(name));
            candidates.add(directory.resolve(".debug").resolve(name));
        }
        Path directoryInTarget = directoryOf(pathInTarget);
        if (directoryInTarget != null) {
            String relative = directoryInTarget.toString().replaceFirst("^/+", "");
            for (Path root : roots) {
                candidates.add(relative.isEmpty() ? root.resolve(name) : root.resolve(relative).resolve(name));
            }
        }
        return candidates;
    }

    private static Path directoryOf(String pathInTarget) {
        try {
            return Path.of(pathInTarget).getParent();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Whether {@code candidate} parses and carries {@code buildId}; a file that does not is not this debug file. */
    private static boolean carries(Path candidate, BuildId buildId) {
        try {
            return ElfFile.open(candidate).buildId().filter(buildId::equals).isPresent();
        } catch (SpyException e) {
            return false;
        }
    }

    private static boolean crcMatches(GnuDebugLink link, Path candidate) {
        try {
            return link.matches(candidate);
        } catch (SpyException e) {
            return false;
        }
    }
}
