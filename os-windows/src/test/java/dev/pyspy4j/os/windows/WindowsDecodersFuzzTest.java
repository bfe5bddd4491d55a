// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.windows.WindowsStructs.Process;
import dev.pyspy4j.os.windows.WindowsStructs.Thread;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes the decoders get, they decode or fail with SpyException(MALFORMED_INPUT): never another exception,
 * a loop or an allocation the buffer does not justify. {@link Fuzz} runs each property its own tries, or
 * {@code -Dpyspy4j.fuzz.tries} ({@code -Pfuzz-nightly}) of them, and fails a try that hangs.
 */
@Fuzz
class WindowsDecodersFuzzTest {
    private static final byte[] ANSWER = WindowsStructs.systemProcessInformation(List.of(
            new Process(0, "", List.of(new Thread(0, 2, 0))),
            new Process(4242, "python.exe", List.of(new Thread(100, 5, 6), new Thread(104, 2, 0))),
            new Process(77, "explorer.exe", List.of())));

    @Property(tries = 2000)
    void systemProcessInformationFromRandomBytes(@ForAll @Size(max = 4096) byte[] bytes) {
        decodesOrIsMalformed(() -> SystemProcessRecords.decode(bytes));
    }

    @Property(tries = 3000)
    void systemProcessInformationWithOneFieldOverwritten(@ForAll("overwritten") byte[] bytes) {
        decodesOrIsMalformed(() -> SystemProcessRecords.decode(bytes));
    }

    /** Chains of records whose offsets and thread counts are any value: none may loop. */
    @Property(tries = 2000)
    void chainsOfArbitraryOffsets(@ForAll("chains") byte[] bytes) {
        decodesOrIsMalformed(() -> SystemProcessRecords.decode(bytes));
    }

    @Property(tries = 1000)
    void truncatedAnswers(@ForAll @IntRange(min = 0, max = 1024) int cut) {
        byte[] truncated = java.util.Arrays.copyOf(ANSWER, Math.max(0, ANSWER.length - cut));
        decodesOrIsMalformed(() -> SystemProcessRecords.decode(truncated));
    }

    @Property(tries = 1000)
    void fixedStructuresFromRandomBytes(@ForAll @Size(max = 1300) byte[] bytes) {
        decodesOrIsMalformed(() -> MemoryBasicInformation.decode(bytes));
        decodesOrIsMalformed(() -> ModuleEntry.decode(bytes));
        decodesOrIsMalformed(() -> ThreadEntry.decode(bytes));
        decodesOrIsMalformed(() -> ThreadContext.decode(bytes));
    }

    @Property(tries = 2000)
    void commandLinesFromRandomBytes(@ForAll @Size(max = 512) byte[] bytes, @ForAll long bufferAddress) {
        decodesOrIsMalformed(() -> ProcessCommandLine.split(ProcessCommandLine.decode(bytes, bufferAddress)));
    }

    @Property(tries = 1000)
    void commandLinesSplitWhateverTheirText(@ForAll @Size(max = 200) String text) {
        assertThat(ProcessCommandLine.split(text)).doesNotContainNull();
    }

    @Provide
    Arbitrary<byte[]> overwritten() {
        return Combinators.combine(Arbitraries.integers().between(0, ANSWER.length - 4),
                Arbitraries.integers()).as((offset, value) -> {
                    byte[] copy = ANSWER.clone();
                    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
                    return copy;
                });
    }

    @Provide
    Arbitrary<byte[]> chains() {
        Arbitrary<int[]> header = Combinators.combine(Arbitraries.integers().between(0, 0x400),
                Arbitraries.integers().between(0, 4)).as((next, threads) -> new int[] {next, threads});
        return Combinators.combine(header.list().ofMinSize(1).ofMaxSize(8),
                Arbitraries.integers().between(0, 0x1000)).as((headers, size) -> {
                    ByteBuffer bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
                    int offset = 0;
                    for (int[] record : headers) {
                        if (offset + 8 > size) {
                            break;
                        }
                        bytes.putInt(offset, record[0]).putInt(offset + 4, record[1]);
                        offset += Math.max(8, record[0]);
                    }
                    return bytes.array();
                });
    }

    private static void decodesOrIsMalformed(Runnable decode) {
        try {
            decode.run();
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed ");
        }
    }
}
