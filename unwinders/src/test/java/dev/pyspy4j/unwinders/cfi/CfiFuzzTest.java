// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Malformed call-frame tables and expressions end in {@code SpyException(MALFORMED_INPUT)} (or, for expressions
 * that read memory, MEMORY_READ) or in a clean "no rule", never in another exception or a hang. The inputs are real
 * tables with bytes overwritten (the static fixture binary's {@code .eh_frame}, which has no search table, and
 * libc's {@code .eh_frame} + {@code .eh_frame_hdr}) and random bytes.
 */
@Fuzz
class CfiFuzzTest {
    private static final byte[] FIXTURE = read(fixturePath());
    private static final byte[] LIBC = read(Path.of("/lib/x86_64-linux-gnu/libc.so.6"));

    @Property(tries = 300)
    void mutatedStaticEhFrameGivesRowsOrMalformedInput(@ForAll("mutations") List<Mutation> mutations,
                                                        @ForAll("pcs") List<Long> pcs) {
        lookUpAfterMutating(FIXTURE, List.of(".eh_frame"), mutations, pcs);
    }

    @Property(tries = 150)
    void mutatedLibcEhFrameAndHeaderGiveRowsOrMalformedInput(@ForAll("mutations") List<Mutation> mutations,
                                                              @ForAll("pcs") List<Long> pcs) {
        lookUpAfterMutating(LIBC, List.of(".eh_frame", ".eh_frame_hdr"), mutations, pcs);
    }

    @Property(tries = 1000)
    void randomEhFrameBytesGiveRowsOrMalformedInput(@ForAll @Size(max = 300) byte[] bytes,
                                                     @ForAll @IntRange(max = 400) int pc) {
        try {
            CallFrameTable.ofEhFrame(ByteBuffer.wrap(bytes), 0).rowAt(pc);
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        }
    }

    @Property(tries = 3000)
    void randomExpressionsGiveAValueOrAnError(@ForAll @Size(max = 40) byte[] expression) {
        try {
            DwarfExpression.evaluate(expression, DwarfExpressionTest.CONTEXT, 0x1000);
        } catch (SpyException e) {
            assertThat(e.kind()).isIn(FailureKind.MALFORMED_INPUT, FailureKind.MEMORY_READ);
        }
    }

    @Property(tries = 2000)
    void expressionsOfValidOperationsGiveAValueOrAnError(@ForAll("operations") byte[] expression) {
        try {
            DwarfExpression.evaluate(expression, DwarfExpressionTest.CONTEXT, 0x1000);
        } catch (SpyException e) {
            assertThat(e.kind()).isIn(FailureKind.MALFORMED_INPUT, FailureKind.MEMORY_READ);
        }
    }

    record Mutation(double where, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.bytes()).as(Mutation::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Long>> pcs() {
        return Arbitraries.longs().between(0, 0x250000).list().ofMinSize(1).ofMaxSize(20);
    }

    /** Sequences of CFI-relevant operations (ops with operands get random operand bytes). */
    @Provide
    Arbitrary<byte[]> operations() {
        Arbitrary<Integer> op = Arbitraries.of(0x06, 0x08, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1a, 0x1b, 0x1c,
                0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d,
                0x2e, 0x2f, 0x30, 0x31, 0x3f, 0x57, 0x77, 0x76, 0x90, 0x92, 0x94, 0x96);
        return Combinators.combine(op, Arbitraries.bytes().array(byte[].class).ofMaxSize(2)).as((code, operands) -> {
            byte[] bytes = new byte[1 + operands.length];
            bytes[0] = (byte) (int) code;
            System.arraycopy(operands, 0, bytes, 1, operands.length);
            return bytes;
        }).list().ofMaxSize(25).map(parts -> {
            ByteBuffer all = ByteBuffer.allocate(parts.stream().mapToInt(part -> part.length).sum());
            parts.forEach(all::put);
            return all.array();
        });
    }

    private static void lookUpAfterMutating(byte[] original, List<String> sections, List<Mutation> mutations,
                                            List<Long> pcs) {
        ElfFile pristine = ElfFile.parse(ByteBuffer.wrap(original), "pristine");
        byte[] mutated = original.clone();
        for (int i = 0; i < mutations.size(); i++) {
            ElfSectionHeader section = pristine.section(sections.get(i % sections.size())).orElseThrow();
            int offset = (int) (section.sh_offset + (long) (mutations.get(i).where() * (section.sh_size - 1)));
            mutated[offset] = mutations.get(i).value();
        }
        CallFrameTable table = CallFrameTable.of(ElfFile.parse(ByteBuffer.wrap(mutated), "mutated"));
        long textStart = pristine.section(".text").orElseThrow().sh_addr;
        for (long pc : pcs) {
            try {
                Optional<UnwindRow> row = table.rowAt(textStart + pc);
                row.ifPresent(found -> assertThat(Long.compareUnsigned(found.start(), found.end())).isLessThan(0));
            } catch (SpyException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            }
        }
    }

    private static Path fixturePath() {
        try {
            return Path.of(CfiFuzzTest.class.getResource("/unwind-fixtures/static-o2/fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
