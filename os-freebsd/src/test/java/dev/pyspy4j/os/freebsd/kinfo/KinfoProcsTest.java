// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class KinfoProcsTest {
    private static final String WHAT = "kern.proc.pid.42";

    @Test
    void decodesOneRecordPerThread() {
        byte[] bytes = KinfoBytes.concat(List.of(
                KinfoBytes.kinfoProc(42, 100101, KinfoProc.SRUN, "python3.11", "python3.11", "", 0, 2),
                KinfoBytes.kinfoProc(42, 100102, KinfoProc.SSLEEP, "python3.11", "worker", "nanslp", 0, 2)));
        assertThat(KinfoProcs.decode(bytes, WHAT)).containsExactly(
                new KinfoProc(42, 100101, KinfoProc.SRUN, "python3.11", "python3.11", "", 0, 2),
                new KinfoProc(42, 100102, KinfoProc.SSLEEP, "python3.11", "worker", "nanslp", 0, 2));
    }

    @Test
    void longThreadNamesContinueInMoreTdname() {
        byte[] bytes = KinfoBytes.kinfoProc(42, 7, KinfoProc.SRUN, "python3.11", "ThreadPoolExecu-0", "", 0, 1);
        assertThat(KinfoProcs.decode(bytes, WHAT).get(0).threadName()).isEqualTo("ThreadPoolExecu-0");
    }

    @Test
    void fieldsFillingTheirWholeArrayAreCut() {
        byte[] bytes = KinfoBytes.kinfoProc(42, 7, KinfoProc.SRUN, "c".repeat(30), "", "w".repeat(12), 99, 1);
        KinfoProc record = KinfoProcs.decode(bytes, WHAT).get(0);
        assertThat(record.command()).isEqualTo("c".repeat(19));
        assertThat(record.waitMessage()).isEqualTo("w".repeat(8));
        assertThat(record.tracerPid()).isEqualTo(99);
    }

    @Test
    void lengthThatIsNoWholeNumberOfRecordsIsMalformed() {
        assertThatThrownBy(() -> KinfoProcs.decode(new byte[1000], WHAT))
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.MALFORMED_INPUT))
                .hasMessage("malformed " + WHAT + ": 1000 bytes are not a whole number of 1088-byte records");
    }

    @Test
    void recordOfAnotherSizeIsMalformed() {
        byte[] bytes = KinfoBytes.kinfoProc(42, 7, KinfoProc.SRUN, "python", "", "", 0, 1);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 768);
        assertThatThrownBy(() -> KinfoProcs.decode(bytes, WHAT))
                .hasMessageContaining("record at offset 0 says it has 768 bytes, not 1088");
    }

    private static Consumer<SpyException> ofKind(FailureKind kind) {
        return e -> assertThat(e.kind()).isEqualTo(kind);
    }
}
