// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.AccessDenial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts of a refused access, read from a fake {@code /proc}. */
class AccessDenialsTest {
    /** Every capability a root outside a container holds (CAP_SYS_PTRACE, bit 19, included). */
    private static final String ALL_CAPABILITIES = "000001ffffffffff";
    /** Docker's default set: no CAP_SYS_PTRACE. */
    private static final String DOCKER_CAPABILITIES = "00000000a80425fb";

    @TempDir
    Path proc;

    private void self(String uids, String capEff, String seccomp) throws IOException {
        file("self/status", "Name:\tjava\nUid:\t" + uids + "\nCapEff:\t" + capEff + "\nSeccomp:\t" + seccomp + "\n");
    }

    private void status(long pid, long tgid, long tracer) throws IOException {
        file(pid + "/status", "Name:\tpython3\nTgid:\t" + tgid + "\nTracerPid:\t" + tracer + "\n");
    }

    private void file(String name, String text) throws IOException {
        Path file = proc.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void rootWithEveryCapabilityAndNoRestriction() throws IOException {
        self("0\t0\t0\t0", ALL_CAPABILITIES, "0");
        status(100, 100, 0);
        file("sys/kernel/yama/ptrace_scope", "0\n");

        assertThat(new AccessDenials(proc).of(100))
                .isEqualTo(new AccessDenial(true, true, OptionalInt.of(0), false, OptionalLong.empty()));
    }

    @Test
    void anUnprivilegedUserUnderYamaOne() throws IOException {
        self("1000\t1000\t1000\t1000", "0000000000000000", "0");
        status(100, 100, 0);
        file("sys/kernel/yama/ptrace_scope", "1\n");

        assertThat(new AccessDenials(proc).of(100))
                .isEqualTo(new AccessDenial(false, false, OptionalInt.of(1), false, OptionalLong.empty()));
    }

    @Test
    void theEffectiveUidCountsNotTheRealOne() throws IOException {
        self("1000\t0\t0\t0", ALL_CAPABILITIES, "0");

        assertThat(new AccessDenials(proc).of(100).runsAsRoot()).isTrue();
    }

    @Test
    void rootInAContainerWithoutSysPtraceUnderSeccompAndWithoutYama() throws IOException {
        self("0\t0\t0\t0", DOCKER_CAPABILITIES, "2");

        assertThat(new AccessDenials(proc).of(100))
                .isEqualTo(new AccessDenial(true, false, OptionalInt.empty(), true, OptionalLong.empty()));
    }

    @Test
    void aTracingThreadIsNamedByItsProcess() throws IOException {
        self("0\t0\t0\t0", ALL_CAPABILITIES, "0");
        status(100, 100, 4243);
        status(4243, 4242, 0);

        assertThat(new AccessDenials(proc).of(100).tracerPid()).hasValue(4242);
    }

    @Test
    void unreadableFactsAreLeftOut() {
        assertThat(new AccessDenials(proc).of(100))
                .isEqualTo(new AccessDenial(false, false, OptionalInt.empty(), false, OptionalLong.empty()));
    }
}
