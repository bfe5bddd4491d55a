// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue against fake interpreters: shell scripts in a temporary directory that answer the version question as
 * a CPython would.
 */
class InterpreterCatalogueTest {
    @TempDir
    Path root;

    @Test
    void identifiesEachInterpreterByItsOwnAnswerAndSortsThemOldestFirst() throws IOException {
        fakePython(root.resolve("versions/3.12.1/bin/python3.12"), "3.12.1", false);
        fakePython(root.resolve("versions/2.7.18/bin/python2.7"), "2.7.18", false);
        fakePython(root.resolve("versions/3.12.1/bin/python3.12-config"), "not an interpreter", false);

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike()), List.of());

        assertThat(catalogue.found()).extracting(Interpreter::version).containsExactly("2.7.18", "3.12.1");
        assertThat(catalogue.found()).extracting(Interpreter::origin).containsOnly("fake-pyenv");
        assertThat(catalogue.problems()).isEmpty();
    }

    @Test
    void tellsFreeThreadedBuildsApartByTheirMinorVersion() throws IOException {
        fakePython(root.resolve("versions/3.13.5t/bin/python3.13t"), "3.13.5", true);
        fakePython(root.resolve("versions/3.13.0/bin/python3.13"), "3.13.0", false);
        InterpreterLocation freeThreaded = new InterpreterLocation("fake-ft", root.resolve("versions/*/bin/python*"),
                InterpreterLocation.FREE_THREADED);

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike(), freeThreaded),
                List.of(new ExpectedInterpreter("fake-ft", "3.13t", "build it")));

        assertThat(catalogue.found()).extracting(Interpreter::minorVersion).containsExactly("3.13", "3.13t");
        assertThat(catalogue.found()).extracting(Interpreter::freeThreaded).containsExactly(false, true);
        assertThat(catalogue.missing()).isEmpty();
        assertThat(catalogue.require("fake-ft", "3.13t").executable())
                .isEqualTo(root.resolve("versions/3.13.5t/bin/python3.13t"));
    }

    @Test
    void namesEachMissingExpectedInterpreterOnALineOfItsOwn() throws IOException {
        fakePython(root.resolve("versions/3.11.7/bin/python3.11"), "3.11.7", false);
        List<ExpectedInterpreter> expected = List.of(new ExpectedInterpreter("fake-pyenv", "3.11", "install 3.11"),
                new ExpectedInterpreter("fake-pyenv", "3.12", "install 3.12"),
                new ExpectedInterpreter("fake-pyenv", "2.7", "install 2.7"));

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike()), expected);

        assertThat(catalogue.missing()).extracting(ExpectedInterpreter::minorVersion).containsExactly("3.12", "2.7");
        assertThat(catalogue.problems()).containsExactly(
                "missing CPython 3.12 from fake-pyenv: no " + root.resolve("versions/*/bin/python3.12")
                        + " found; install it with: install 3.12",
                "missing CPython 2.7 from fake-pyenv: no " + root.resolve("versions/*/bin/python2.7")
                        + " found; install it with: install 2.7");
    }

    @Test
    void aMissingInterpreterStaysInTheListAndFailsWhoeverNeedsIt() throws IOException {
        Path found = fakePython(root.resolve("versions/3.11.7/bin/python3.11"), "3.11.7", false);
        List<ExpectedInterpreter> expected = List.of(new ExpectedInterpreter("fake-pyenv", "3.12", "install 3.12"));

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike()), expected);

        Path standIn = root.resolve("versions/*/bin/python3.12");
        assertThat(catalogue.everyExecutable()).containsExactly(found, standIn);
        assertThat(catalogue.isMissing(standIn)).isTrue();
        assertThat(catalogue.requireFound(found).version()).isEqualTo("3.11.7");
        assertThatThrownBy(() -> catalogue.requireFound(standIn)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing CPython 3.12 from fake-pyenv");
        assertThatThrownBy(() -> catalogue.require("fake-pyenv", "3.12")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing CPython 3.12 from fake-pyenv");
        assertThat(catalogue.executable("fake-pyenv", "3.11")).isEqualTo(found);
        assertThat(catalogue.executable("fake-pyenv", "3.12")).isEqualTo(standIn);
        assertThatThrownBy(() -> catalogue.executable("fake-pyenv", "3.5")).isInstanceOf(AssertionError.class)
                .hasMessage("missing CPython 3.5 from fake-pyenv: no " + root.resolve("versions/*/bin/python3.5")
                        + " found");
    }

    @Test
    void requirePicksTheNewestPatchReleaseOfTheMinorVersion() throws IOException {
        fakePython(root.resolve("versions/3.11.2/bin/python3.11"), "3.11.2", false);
        fakePython(root.resolve("versions/3.11.9/bin/python3.11"), "3.11.9", false);

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike()), List.of());

        assertThat(catalogue.require("fake-pyenv", "3.11").version()).isEqualTo("3.11.9");
        assertThat(catalogue.require("fake-pyenv", "3.11").prefix()).isEqualTo(root.resolve("versions/3.11.9"));
    }

    @Test
    void anInterpreterFoundInTwoPlacesCountsForTheFirst() throws IOException {
        Path program = fakePython(root.resolve("versions/3.12.1/bin/python3.12"), "3.12.1", false);
        InterpreterLocation extra = new InterpreterLocation("extra", program, InterpreterLocation.ANY);

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike(), extra), List.of());

        assertThat(catalogue.found()).singleElement().extracting(Interpreter::origin).isEqualTo("fake-pyenv");
    }

    @Test
    void aProgramThatDoesNotAnswerIsReportedNotFound() throws IOException {
        Path broken = root.resolve("versions/3.9.0/bin/python3.9");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "#!/bin/sh\necho 'Segmentation fault' >&2\nexit 139\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));

        InterpreterCatalogue catalogue = InterpreterCatalogue.of(List.of(pyenvLike()), List.of());

        assertThat(catalogue.found()).isEmpty();
        assertThat(catalogue.problems()).singleElement().asString()
                .startsWith("cannot identify the interpreter " + broken + " answered exit 139: Segmentation fault");
    }

    @Test
    void theExtraVariableAddsOneLocationPerGlob() {
        List<InterpreterLocation> locations = InterpreterLocations.standard(
                Map.of("PYENV_ROOT", "/pyenv", InterpreterLocations.EXTRA_VARIABLE, "/a/bin/python3.*:/b/python"),
                "/home/someone");

        assertThat(locations).extracting(InterpreterLocation::origin)
                .containsExactly("pyenv", "debian", "debian-sid", "free-threaded", "extra", "extra");
        assertThat(locations.get(0).glob()).isEqualTo(Path.of("/pyenv/versions/*/bin/python*"));
        assertThat(locations).extracting(InterpreterLocation::glob).endsWith(Path.of("/a/bin/python3.*"),
                Path.of("/b/python"));
    }

    @Test
    void withoutPyenvRootPyenvIsInTheHomeDirectory() {
        assertThat(InterpreterLocations.standard(Map.of(), "/home/someone").get(0).glob())
                .isEqualTo(Path.of("/home/someone/.pyenv/versions/*/bin/python*"));
    }

    @Test
    void versionsWithAPreReleaseSuffixCompareByTheirNumbers() {
        Interpreter alpha = new Interpreter(Path.of("/opt/x/bin/python3.15"), "3.15.0a2", "x");

        assertThat(alpha.minorVersion()).isEqualTo("3.15");
        assertThat(alpha.micro()).isZero();
        assertThat(alpha.atLeast(3, 14)).isTrue();
        assertThat(alpha.atLeast(3, 16)).isFalse();
    }

    private InterpreterLocation pyenvLike() {
        return new InterpreterLocation("fake-pyenv", root.resolve("versions/*/bin/python*"),
                InterpreterLocation.VERSIONED);
    }

    /** A shell script that prints what {@link VersionProbe} asks a CPython, as that CPython would. */
    private static Path fakePython(Path path, String version, boolean freeThreaded) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\necho " + version + "\necho " + (freeThreaded ? 1 : 0) + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
