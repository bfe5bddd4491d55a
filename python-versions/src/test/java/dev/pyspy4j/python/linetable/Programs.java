// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of programs for each table format: mostly small steps, with the large byte runs, large and
 * negative line jumps and no-line runs that exercise every splitting rule of CPython's encoders.
 */
final class Programs {
    /** One generated step before lines are accumulated: byte length, line delta, whether it has no line. */
    private record Step(int bytes, int lineDelta, boolean noLine) {
    }

    private Programs() {
    }

    /** 2.7 and 3.0-3.5 lnotab: 1- or 3-byte instructions in runs, lines never decrease. */
    static Arbitrary<Program> lnotabUnsigned() {
        return programs(runLengths(1), lineDeltas(false), Arbitraries.just(false));
    }

    /** 3.6-3.9 lnotab: 2-byte code units, lines jump both ways. */
    static Arbitrary<Program> lnotabSigned() {
        return programs(runLengths(2), lineDeltas(true), Arbitraries.just(false));
    }

    /** 3.10 linetable: 2-byte code units, jumps both ways, some runs without a line. */
    static Arbitrary<Program> linetable310() {
        return programs(runLengths(2), lineDeltas(true), noLines());
    }

    /** 3.11+ location table: instructions of 1-30 code units with random columns and end lines. */
    static Arbitrary<Program> locationTable() {
        Arbitrary<Integer> units = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 3)),
                Tuple.of(2, Arbitraries.integers().between(4, 30)));
        return programs(units.map(unit -> unit * 2), lineDeltas(true), noLines())
                .flatMap(program -> withColumns(program.instructions()).map(
                        instructions -> new Program(program.firstLine(), instructions)));
    }

    private static Arbitrary<Program> programs(Arbitrary<Integer> lengths, Arbitrary<Integer> deltas,
            Arbitrary<Boolean> noLine) {
        Arbitrary<List<Step>> steps = Combinators.combine(lengths, deltas, noLine).as(Step::new).list()
                .ofMaxSize(120);
        return Combinators.combine(Arbitraries.integers().between(0, 5000), steps).as(Programs::accumulate);
    }

    private static Program accumulate(int firstLine, List<Step> steps) {
        List<Instruction> instructions = new ArrayList<>();
        int line = firstLine;
        for (Step step : steps) {
            // CPython line numbers are never negative; 0 appears for RESUME on 3.11+.
            line = Math.max(0, line + step.lineDelta());
            instructions.add(Instruction.of(step.bytes(), step.noLine() ? Instruction.NO_LINE : line));
        }
        return new Program(firstLine, instructions);
    }

    private static Arbitrary<Integer> runLengths(int unit) {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 6)),
                Tuple.of(2, Arbitraries.integers().between(100, 700))).map(units -> units * unit);
    }

    private static Arbitrary<Integer> lineDeltas(boolean negative) {
        int low = negative ? -1 : 0;
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(negative ? -3 : 0, 4)),
                Tuple.of(3, Arbitraries.integers().between(low * 400, 400)),
                Tuple.of(1, Arbitraries.integers().between(low * 70_000, 70_000)));
    }

    private static Arbitrary<Boolean> noLines() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(6, Arbitraries.just(false)));
    }

    private static Arbitrary<List<Instruction>> withColumns(List<Instruction> instructions) {
        List<Arbitrary<Instruction>> located = instructions.stream().map(Programs::withColumns).toList();
        return Combinators.combine(located).as(List::copyOf);
    }

    /** Columns and end lines as CPython's compiler produces them: end line never before the line. */
    private static Arbitrary<Instruction> withColumns(Instruction instruction) {
        Arbitrary<Integer> column = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(-1)),
                Tuple.of(5, Arbitraries.integers().between(0, 200)));
        Arbitrary<Integer> endColumn = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(-1)),
                Tuple.of(5, Arbitraries.integers().between(0, 250)));
        Arbitrary<Integer> extraLines = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 200)));
        return Combinators.combine(column, endColumn, extraLines).as((start, end, extra) -> new Instruction(
                instruction.bytes(), instruction.line(), instruction.hasLine() ? instruction.line() + extra : -1,
                start, start >= 0 && end >= 0 && extra == 0 && end < start ? start + (end & 15) : end));
    }
}
