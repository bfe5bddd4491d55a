// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one remedy named for each cause of a refusal the provider could find out. */
class PermissionHintTest {
    private static final Path NO_YAMA = Path.of("/nonexistent/ptrace_scope");

    private static AccessDenial denial(boolean root, boolean capability, OptionalInt scope, boolean seccomp,
                                       OptionalLong tracer) {
        return new AccessDenial(root, capability, scope, seccomp, tracer);
    }

    private static String hint(AccessDenial denial) {
        return PermissionHint.remedies(new PermissionDeniedException("permission denied", null, denial, null), NO_YAMA);
    }

    @Test
    void aTracedTargetIsReadWithoutPausingIt() {
        assertThat(hint(denial(true, true, OptionalInt.empty(), false, OptionalLong.of(4242))))
                .isEqualTo("; try --nonblocking, which reads the process without pausing it, or detach the debugger"
                        + " (process 4242) first");
    }

    @Test
    void notRootIsToldToRunAsRoot() {
        assertThat(hint(denial(false, false, OptionalInt.of(0), false, OptionalLong.empty())))
                .isEqualTo("; pyspy4j is not running as root: run it as root (e.g. with sudo)");
    }

    @Test
    void notRootUnderYamaOneMayAlsoLowerTheScope() {
        assertThat(hint(denial(false, false, OptionalInt.of(1), false, OptionalLong.empty())))
                .isEqualTo("; pyspy4j is not running as root: run it as root (e.g. with sudo), or as the target's"
                        + " user after sysctl kernel.yama.ptrace_scope=0 (it is 1)");
    }

    @Test
    void rootWithoutTheCapabilityIsToldToAddIt() {
        assertThat(hint(denial(true, false, OptionalInt.empty(), false, OptionalLong.empty())))
                .isEqualTo("; pyspy4j runs as root but without the CAP_SYS_PTRACE capability (containers drop it):"
                        + " in Docker add --cap-add SYS_PTRACE, in Kubernetes add securityContext.capabilities.add:"
                        + " [SYS_PTRACE]")
                .doesNotContain("run it as root");
    }

    @Test
    void yamaThreeRefusesEvenRoot() {
        assertThat(hint(denial(true, true, OptionalInt.of(3), false, OptionalLong.empty())))
                .isEqualTo("; the kernel lets no process attach to another (kernel.yama.ptrace_scope is 3, which"
                        + " only a reboot can lower), not even root");
    }

    @Test
    void aSeccompFilterIsNamedWhenRootHasTheCapability() {
        assertThat(hint(denial(true, true, OptionalInt.of(1), true, OptionalLong.empty())))
                .isEqualTo("; pyspy4j runs as root with CAP_SYS_PTRACE, but a seccomp filter confines it: allow"
                        + " ptrace and process_vm_readv (in Docker: --security-opt seccomp=unconfined)");
    }

    @Test
    void rootWithEverythingPointsAtSecurityModules() {
        assertThat(hint(denial(true, true, OptionalInt.of(1), false, OptionalLong.empty())))
                .isEqualTo("; pyspy4j runs as root with CAP_SYS_PTRACE, yet the kernel refused: a security module"
                        + " (AppArmor, SELinux) may forbid it, see the kernel log (dmesg)");
    }

    @Test
    void withoutFactsEveryUsualRemedyIsListed() {
        assertThat(PermissionHint.remedies(new SpyException(FailureKind.PERMISSION_DENIED, "denied"), NO_YAMA))
                .isEqualTo("; run as root, or in Docker add --cap-add SYS_PTRACE, or in Kubernetes add"
                        + " securityContext.capabilities.add: [SYS_PTRACE]");
    }
}
