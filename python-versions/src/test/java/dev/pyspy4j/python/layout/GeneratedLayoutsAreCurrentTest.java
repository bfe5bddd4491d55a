// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regenerates every checked-in layout table of this machine's architecture (the only one its gcc measures) from
 * the installed headers it names and fails with a diff on any difference; {@code -Dlayouts.update=true} rewrites
 * the tables instead.
 */
class GeneratedLayoutsAreCurrentTest {
    private static final boolean UPDATE = Boolean.getBoolean("layouts.update");

    /**
     * Tables generated from CPython source trees fetched and built by hand (the {@code # headers:} lines of each
     * say where they were installed), never from headers this machine or CI can install: no package archive the
     * build reaches still ships 3.3-3.5 or any 3.14 source, so regenerating them here would only fail.
     * {@link GeneratedLayoutsSanityTest} still checks them, {@code KeySharingDictReaderTest} reads dicts laid out by
     * 3.3-3.5's, and {@code WalkerSnapshotTest} walks a free-threaded 3.14 process recorded with 3.14t's.
     */
    static final Set<String> FROM_FETCHED_SOURCES = Set.of("3.3", "3.4", "3.5", "3.14t");

    static Stream<Path> tables() {
        return LayoutTables.files(LayoutGenerator.ARCH).stream()
                .filter(table -> !FROM_FETCHED_SOURCES.contains(LayoutTables.minorVersion(table)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void tableMatchesTheHeadersItWasGeneratedFrom(Path table) throws IOException {
        String checkedIn = Files.readString(table);
        List<String> specs = LayoutFile.headerSpecs(checkedIn);
        assertThat(specs).as("%s names the headers it was generated from", table.getFileName()).isNotEmpty();

        String regenerated = LayoutGenerator.generate(specs.stream().map(HeaderSpec::parse).toList());

        if (UPDATE) {
            Files.writeString(table, regenerated);
        } else {
            // The data must match; the comment may name another patch release of the same headers (Debian sid
            // moves on), which is exactly the case where a same-layout patch release should not fail the build.
            assertThat(dataLines(regenerated))
                    .as("%s is stale; differences (- checked in, + regenerated):%n%s%nregenerate with "
                            + "-Dlayouts.update=true", table.getFileName(), TableDiff.of(checkedIn, regenerated))
                    .isEqualTo(dataLines(checkedIn));
        }
    }

    private static List<String> dataLines(String table) {
        return table.lines().filter(line -> !line.startsWith("#")).toList();
    }

    @Test
    void everyInstalledPyenvInterpreterHasATable() throws IOException {
        Set<String> installed = new TreeSet<>();
        try (Stream<Path> versions = Files.list(HeaderSpec.pyenvRoot().resolve("versions"))) {
            versions.map(dir -> dir.getFileName().toString()).filter(name -> name.matches("\\d+\\.\\d+\\.\\d+"))
                    .forEach(name -> installed.add(name.substring(0, name.lastIndexOf('.'))));
        }
        Set<String> tabled = new TreeSet<>(LayoutTables.files(LayoutGenerator.ARCH).stream()
                .map(LayoutTables::minorVersion).toList());

        assertThat(installed).as("pyenv interpreters under %s", HeaderSpec.pyenvRoot()).isNotEmpty();
        assertThat(tabled).containsAll(installed);
    }
}
