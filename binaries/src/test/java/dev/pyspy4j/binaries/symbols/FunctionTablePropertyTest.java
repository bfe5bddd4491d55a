// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The sweep-built table answers exactly what the rule, applied symbol by symbol, answers: random symbol sets crowded
 * into a small address range (so aliases, nesting, unsized labels and section ends collide), placed near address 0
 * and near the top of the unsigned address space.
 */
class FunctionTablePropertyTest {
    private static final int SPAN = 160;

    @Property(tries = 1500)
    void tableAgreesWithTheRuleAtEveryAddress(@ForAll("symbolSets") List<FunctionCandidate> symbols,
            @ForAll("bases") long base) {
        List<FunctionCandidate> placed = symbols.stream().map(symbol -> new FunctionCandidate(symbol.name(),
                base + symbol.start(), symbol.size(), symbol.sectionEnd() == -1 ? -1 : base + symbol.sectionEnd(),
                symbol.global(), symbol.defaultVersion())).toList();
        FunctionTable table = FunctionTable.of(placed);
        for (long offset = 0; offset < SPAN + 80; offset++) {
            long address = base + offset;
            assertThat(table.at(address).map(FunctionSymbol::name))
                    .as("address 0x%x in %s", address, placed)
                    .isEqualTo(byTheRule(placed, address));
        }
    }

    @Provide
    Arbitrary<List<FunctionCandidate>> symbolSets() {
        Arbitrary<FunctionCandidate> symbol = Combinators.combine(
                Arbitraries.of("a", "b", "_a", "__b", "long_name"),
                Arbitraries.longs().between(0, SPAN),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 60)),
                Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.longs().between(0, SPAN + 40)),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
                .as(FunctionCandidate::new);
        return symbol.list().ofMinSize(0).ofMaxSize(14);
    }

    @Provide
    Arbitrary<Long> bases() {
        return Arbitraries.of(0L, 0x1000L, 0x7fff_ffff_ffff_ff80L, 0xffff_ffff_ffff_ff40L);
    }

    /** The documented rule, by brute force. */
    private static Optional<String> byTheRule(List<FunctionCandidate> symbols, long address) {
        List<FunctionCandidate> valid = symbols.stream().filter(FunctionTablePropertyTest::fits).toList();
        Comparator<FunctionCandidate> latestStartFirst = Comparator.comparing(FunctionCandidate::start,
                (a, b) -> Long.compareUnsigned(b, a));
        Optional<FunctionCandidate> sized = valid.stream()
                .filter(symbol -> symbol.size() != 0 && Long.compareUnsigned(symbol.start(), address) <= 0
                        && Long.compareUnsigned(address - symbol.start(), symbol.size()) < 0)
                .min(latestStartFirst.thenComparing(FunctionCandidate.PREFERRED_FIRST));
        if (sized.isPresent()) {
            return sized.map(FunctionCandidate::name);
        }
        Optional<Long> nearestStart = valid.stream().map(FunctionCandidate::start)
                .filter(start -> Long.compareUnsigned(start, address) <= 0)
                .max(Long::compareUnsigned);
        if (nearestStart.isEmpty()) {
            return Optional.empty();
        }
        List<FunctionCandidate> nearest = valid.stream().filter(symbol -> symbol.start() == nearestStart.get())
                .toList();
        if (nearest.stream().anyMatch(symbol -> symbol.size() != 0)) {
            return Optional.empty();
        }
        return nearest.stream()
                .filter(symbol -> Long.compareUnsigned(address, symbol.sectionEnd()) < 0)
                .min(FunctionCandidate.PREFERRED_FIRST)
                .map(FunctionCandidate::name);
    }

    private static boolean fits(FunctionCandidate symbol) {
        return symbol.size() == 0 || Long.compareUnsigned(symbol.start() + symbol.size(), symbol.start()) > 0;
    }
}
