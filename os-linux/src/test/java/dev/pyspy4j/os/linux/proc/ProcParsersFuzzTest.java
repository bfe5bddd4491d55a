// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Garbage in any /proc parser ends in a {@link ProcParseException} or a value, never in another exception. */
class ProcParsersFuzzTest {
    @Property(tries = 2000)
    @Fuzz
    void mapsParserFailsOnlyWithParseErrors(@ForAll("procLikeText") String text) {
        try {
            List<MemoryRegion> regions = ProcMaps.parse(text, "maps");
            assertThat(regions).allSatisfy(region -> assertThat(region.end()).isNotEqualTo(region.start()));
        } catch (ProcParseException expected) {
            assertThat(expected.getMessage()).startsWith("malformed maps: ");
        }
    }

    @Property(tries = 2000)
    @Fuzz
    void statParserFailsOnlyWithParseErrors(@ForAll("procLikeText") String text) {
        try {
            TaskStat.parse(text, "stat");
        } catch (ProcParseException expected) {
            assertThat(expected.getMessage()).startsWith("malformed stat: ");
        }
    }

    @Property(tries = 2000)
    @Fuzz
    void statusParserFailsOnlyWithParseErrors(@ForAll("procLikeText") String text) {
        try {
            ProcStatus.parse(text, "status").tracerPid();
        } catch (ProcParseException expected) {
            assertThat(expected.getMessage()).startsWith("malformed status: ");
        }
    }

    @Property(tries = 2000)
    @Fuzz
    void statStateReaderNeverThrows(@ForAll("procLikeText") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(TaskStat.stateOf(buffer, bytes.length)).isNotNull();
    }

    @Property(tries = 1000)
    void cmdlineRoundTripsNulSeparatedArguments(@ForAll List<@StringLength(max = 20) String> arguments) {
        List<String> withoutNul = arguments.stream().map(a -> a.replace("\0", "")).toList();
        String joined = String.join("\0", withoutNul) + "\0";
        List<String> expected = withoutNul.isEmpty() ? List.of() : withoutNul;
        byte[] bytes = withoutNul.isEmpty() ? new byte[0] : joined.getBytes(StandardCharsets.UTF_8);
        assertThat(ProcCmdline.parse(bytes)).isEqualTo(expected.stream()
                .map(a -> new String(a.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).toList());
    }

    @Property(tries = 1000)
    void formattedMapsLinesParseBack(@ForAll("regions") MemoryRegion region) {
        String line = String.format("%x-%x %s %08x fe:01 1234    %s", region.start(), region.end(),
                region.permissions(), region.fileOffset(), region.path());
        assertThat(ProcMaps.parseLine(line, "maps")).isEqualTo(region);
    }

    @Provide
    Arbitrary<String> procLikeText() {
        Arbitrary<String> fragments = Arbitraries.of("(", ")", " ", "\n", "-", ":", "R", "S", "0", "7f", "ffff",
                "r-xp", "00:00", "running", "-1", "\t", "\0", "TracerPid:", "(deleted)", "/lib", "é", "99999999999999999999");
        Arbitrary<String> mixed = Arbitraries.oneOf(fragments, Arbitraries.strings().ofMaxLength(6));
        return mixed.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<MemoryRegion> regions() {
        Arbitrary<Long> starts = Arbitraries.longs().between(0, 0x7fff_ffff_0000L);
        Arbitrary<Long> sizes = Arbitraries.longs().between(1, 0x1_0000_0000L);
        Arbitrary<String> permissions = Arbitraries.of("r--p", "r-xp", "rw-p", "---p", "rwxs");
        Arbitrary<String> paths = Arbitraries.oneOf(Arbitraries.of("", "[heap]", "[stack]"),
                Arbitraries.strings().withChars("abc /._-").ofMinLength(1).ofMaxLength(30).map(p -> "/" + p.strip()));
        return net.jqwik.api.Combinators.combine(starts, sizes, permissions, Arbitraries.longs().between(0, 1 << 30),
                paths).as((start, size, perms, offset, path) -> new MemoryRegion(start, start + size, perms, offset,
                path.endsWith(" (deleted)") ? "/x" : path));
    }
}
