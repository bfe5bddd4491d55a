// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A core file written from the layouts: its threads, registers, name, mapped files and memory; bad ones refused. */
class CoreFileTest {
    @Test
    void readsThreadsAndTheirRegistersInNoteOrder() {
        CoreFile core = core(SyntheticCore.bytes());

        assertThat(core.pid()).isEqualTo(SyntheticCore.PID);
        assertThat(core.threads()).extracting(CoreThread::tid)
                .containsExactly(SyntheticCore.PID, SyntheticCore.SECOND_THREAD);
        CoreThread first = core.threads().get(0);
        assertThat(first.signal()).isEqualTo(11);
        assertThat(first.generalRegisters()).hasSize(27);
        assertThat(first.generalRegisters()[0]).isEqualTo(SyntheticCore.PID * 100);
        assertThat(first.generalRegisters()[16]).isEqualTo(SyntheticCore.RIP);
    }

    @Test
    void readsTheProgramsNameArgumentsAndMappedFiles() {
        CoreFile core = core(SyntheticCore.bytes());

        assertThat(core.programName()).isEqualTo("python3");
        assertThat(core.arguments()).isEqualTo("python3 app.py --port 8080");
        assertThat(core.mappings()).containsExactly(new CoreMapping(SyntheticCore.MAPPED,
                SyntheticCore.MAPPED + 2 * SyntheticCore.PAGE, 3L * SyntheticCore.PAGE, SyntheticCore.MAPPED_FILE));
        assertThat(core.mappingAt(SyntheticCore.RIP)).map(CoreMapping::path).hasValue(SyntheticCore.MAPPED_FILE);
        assertThat(core.mappingAt(SyntheticCore.REGION)).isEmpty();
    }

    @Test
    void givesTheDumpedMemoryAndNothingOfWhatWasLeftOut() {
        CoreFile core = core(SyntheticCore.bytes());

        ByteBuffer bytes = core.dumped(SyntheticCore.REGION + 10, 4).orElseThrow();
        assertThat(new byte[] {bytes.get(0), bytes.get(1), bytes.get(2), bytes.get(3)})
                .containsExactly(10, 11, 12, 13);
        assertThat(core.dumped(SyntheticCore.REGION + SyntheticCore.PAGE - 2, 4)).as("runs past the dump").isEmpty();
        assertThat(core.dumped(SyntheticCore.REGION + SyntheticCore.PAGE, 4)).as("the page left out").isEmpty();
        assertThat(core.dumped(SyntheticCore.REGION - 1, 1)).as("before the region").isEmpty();
        assertThat(core.segments()).containsExactly(new CoreSegment(SyntheticCore.REGION,
                SyntheticCore.REGION + 2 * SyntheticCore.PAGE, SyntheticCore.PAGE, 6));
    }

    @Test
    void aTruncatedCoreSaysSo() {
        byte[] bytes = SyntheticCore.bytes();
        byte[] truncated = Arrays.copyOf(bytes, SyntheticCore.loadOffset() + 100);

        assertThatThrownBy(() -> core(truncated)).isInstanceOfSatisfying(SpyException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("cannot read core file 'synthetic': it is truncated: the memory at"
                    + " 0x10000 needs 4096 bytes");
        });
    }

    @Test
    void anElfFileThatIsNotACoreSaysSo() {
        byte[] bytes = SyntheticCore.bytes();
        bytes[16] = 3;

        assertThatThrownBy(() -> core(bytes)).isInstanceOfSatisfying(SpyException.class, e -> assertThat(
                e.getMessage()).isEqualTo("cannot read core file 'synthetic': it is an ELF file, but not a core file"
                        + " (e_type 3)"));
    }

    @Property(tries = 300)
    @Fuzz
    void anyCorruptionIsMalformedInputOrStillACore(@ForAll @IntRange(min = 0, max = 700) int position,
                                                    @ForAll byte value, @ForAll @IntRange(min = 0, max = 9000)
                                                    int length) {
        byte[] bytes = SyntheticCore.bytes();
        bytes[position] = value;
        byte[] cut = Arrays.copyOf(bytes, Math.min(length, bytes.length));
        try {
            CoreFile core = core(cut);
            core.threads().forEach(CoreThread::generalRegisters);
            core.dumped(SyntheticCore.REGION, 16);
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        }
    }

    private static CoreFile core(byte[] bytes) {
        return CoreFile.of(ElfFile.parse(ByteBuffer.wrap(bytes), "synthetic"));
    }
}
