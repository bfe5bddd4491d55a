// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPython interpreters the tests run against: every one found in the {@link InterpreterLocations}, identified by
 * asking it its version, and which of the {@link ExpectedInterpreters} are missing. {@link #machine()} looks once
 * per test run (JVM) and prints one line per missing interpreter on standard error.
 *
 * <p>A program found twice under two names counts once.
 */
public final class InterpreterCatalogue {
    private static final Comparator<Interpreter> OLDEST_FIRST = Comparator.comparingInt(Interpreter::major)
            .thenComparingInt(Interpreter::minor).thenComparingInt(Interpreter::micro)
            .thenComparing(Interpreter::origin).thenComparing(Interpreter::executable);

    private static InterpreterCatalogue machine;

    private final List<InterpreterLocation> locations;
    private final List<Interpreter> found;
    private final List<ExpectedInterpreter> missing;
    private final List<String> unidentified;

    private InterpreterCatalogue(List<InterpreterLocation> locations, List<Interpreter> found,
            List<ExpectedInterpreter> missing, List<String> unidentified) {
        this.locations = locations;
        this.found = found;
        this.missing = missing;
        this.unidentified = unidentified;
    }

    /** This machine's interpreters against {@link ExpectedInterpreters#ON_CI}, looked up once per run. */
    public static synchronized InterpreterCatalogue machine() {
        if (machine == null) {
            machine = of(InterpreterLocations.standard(), ExpectedInterpreters.ON_CI);
            machine.problems().forEach(line -> System.err.println("pyspy4j tests: " + line));
        }
        return machine;
    }

    /** Looks in {@code locations} (in order: an interpreter found twice counts for the first) now. */
    public static InterpreterCatalogue of(List<InterpreterLocation> locations, List<ExpectedInterpreter> expected) {
        Map<Path, String> origins = new LinkedHashMap<>();
        Set<Path> programs = new HashSet<>();
        for (InterpreterLocation location : locations) {
            for (Path candidate : location.candidates()) {
                if (programs.add(realPath(candidate))) {
                    origins.put(candidate, location.origin());
                }
            }
        }
        List<Interpreter> found = new ArrayList<>();
        List<String> unidentified = new ArrayList<>();
        for (VersionProbe.Answer answer : VersionProbe.ask(List.copyOf(origins.keySet()))) {
            if (!answer.answered()) {
                unidentified.add(answer.executable() + " " + answer.failure());
            } else {
                found.add(new Interpreter(answer.executable(), answer.version(), origins.get(answer.executable()),
                        answer.freeThreaded()));
            }
        }
        found.sort(OLDEST_FIRST);
        List<ExpectedInterpreter> missing = expected.stream()
                .filter(wanted -> found.stream().noneMatch(wanted::matches)).toList();
        return new InterpreterCatalogue(List.copyOf(locations), List.copyOf(found), missing,
                List.copyOf(unidentified));
    }

    /** Every interpreter found, oldest first. */
    public List<Interpreter> found() {
        return found;
    }

    /** The expected interpreters that were not found. */
    public List<ExpectedInterpreter> missing() {
        return missing;
    }

    /**
     * One line per missing expected interpreter (what it is, where it was looked for, how to install it), and one per
     * program that was found but did not say what it is.
     */
    public List<String> problems() {
        List<String> lines = new ArrayList<>();
        for (ExpectedInterpreter wanted : missing) {
            lines.add(missingMessage(wanted));
        }
        for (String program : unidentified) {
            lines.add("cannot identify the interpreter " + program);
        }
        return lines;
    }

    /** The newest interpreter of {@code minorVersion} from {@code origin}. */
    public Optional<Interpreter> find(String origin, String minorVersion) {
        ExpectedInterpreter wanted = new ExpectedInterpreter(origin, minorVersion, "");
        return found.stream().filter(wanted::matches).reduce((older, newer) -> newer);
    }

    /**
     * The newest interpreter of {@code minorVersion} from {@code origin}; without one, the test that asks fails with a
     * message that names it (a test never skips for want of an interpreter).
     */
    public Interpreter require(String origin, String minorVersion) {
        return find(origin, minorVersion).orElseThrow(() -> new AssertionError(missingMessage(
                expectedOrAdHoc(origin, minorVersion))));
    }

    /**
     * The program file of the newest interpreter of {@code minorVersion} from {@code origin}; for a missing expected
     * one, its stand-in path from {@link #everyExecutable()}, so that a test parameterised over it fails per
     * invocation, naming it. Asking for an interpreter that is neither found nor expected fails at once.
     */
    public Path executable(String origin, String minorVersion) {
        Optional<Interpreter> interpreter = find(origin, minorVersion);
        if (interpreter.isPresent()) {
            return interpreter.get().executable();
        }
        return missing.stream()
                .filter(wanted -> wanted.origin().equals(origin) && wanted.minorVersion().equals(minorVersion))
                .findFirst().map(this::expectedPath).orElseThrow(() -> new AssertionError(missingMessage(
                        expectedOrAdHoc(origin, minorVersion))));
    }

    /**
     * The program file of every interpreter found, then, for each missing expected one, the path where it was looked
     * for: a test parameterised over this list fails for the missing ones (see {@link #requireFound(Path)}) rather
     * than running over fewer interpreters unnoticed.
     */
    public List<Path> everyExecutable() {
        List<Path> executables = new ArrayList<>(found.stream().map(Interpreter::executable).toList());
        missing.forEach(wanted -> executables.add(expectedPath(wanted)));
        return executables;
    }

    /** The interpreter found at {@code executable}; for the stand-in of a missing one, a failure that names it. */
    public Interpreter requireFound(Path executable) {
        for (Interpreter interpreter : found) {
            if (interpreter.executable().equals(executable)) {
                return interpreter;
            }
        }
        for (ExpectedInterpreter wanted : missing) {
            if (expectedPath(wanted).equals(executable)) {
                throw new AssertionError(missingMessage(wanted));
            }
        }
        throw new AssertionError("no interpreter " + executable + " was found; found: " + found);
    }

    /** Whether {@code executable} stands for a missing expected interpreter in {@link #everyExecutable()}. */
    public boolean isMissing(Path executable) {
        return missing.stream().anyMatch(wanted -> expectedPath(wanted).equals(executable));
    }

    private String missingMessage(ExpectedInterpreter wanted) {
        return "missing " + wanted + ": no " + expectedPath(wanted) + " found"
                + (wanted.installHint().isEmpty() ? "" : "; install it with: " + wanted.installHint());
    }

    private ExpectedInterpreter expectedOrAdHoc(String origin, String minorVersion) {
        return ExpectedInterpreters.ON_CI.stream()
                .filter(wanted -> wanted.origin().equals(origin) && wanted.minorVersion().equals(minorVersion))
                .findFirst().orElse(new ExpectedInterpreter(origin, minorVersion, ""));
    }

    private Path expectedPath(ExpectedInterpreter wanted) {
        return locations.stream().filter(location -> location.origin().equals(wanted.origin())).findFirst()
                .map(location -> location.expectedPath(wanted.minorVersion()))
                .orElse(Path.of("/", "no location named " + wanted.origin(), "python" + wanted.minorVersion()));
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath();
        }
    }
}
