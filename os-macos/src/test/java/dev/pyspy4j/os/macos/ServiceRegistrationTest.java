// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.os.macos.jna.NativeMacCalls;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds this module's providers; they claim macOS only, and on this Linux machine refuse to attach. */
class ServiceRegistrationTest {
    @Test
    void bothProvidersAreRegistered() {
        assertThat(ServiceLoader.load(ProcessAccessProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(MacProcessAccessProvider.class);
        assertThat(ServiceLoader.load(ThreadActivityProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(MacThreadActivityProvider.class);
    }

    @Test
    void providersHaveStableIdsAndSupportOnlyMacOs() {
        assertThat(new MacProcessAccessProvider().id()).isEqualTo("macos");
        assertThat(new MacThreadActivityProvider().id()).isEqualTo("macos-mach");
        for (TargetArch arch : new TargetArch[] {TargetArch.X86_64, TargetArch.AARCH64}) {
            assertThat(new MacProcessAccessProvider().isSupported(new Platform(OsFamily.MACOS, arch))).isTrue();
            assertThat(new MacThreadActivityProvider().isSupported(new Platform(OsFamily.MACOS, arch))).isTrue();
        }
        for (OsFamily other : new OsFamily[] {OsFamily.LINUX, OsFamily.WINDOWS, OsFamily.FREEBSD, OsFamily.OTHER}) {
            Platform platform = new Platform(other, TargetArch.X86_64);
            assertThat(new MacProcessAccessProvider().isSupported(platform)).isFalse();
            assertThat(new MacThreadActivityProvider().isSupported(platform)).isFalse();
        }
    }

    /** This test runs on Linux: the provider reports itself unsupported and refuses without binding libSystem. */
    @Test
    void onThisLinuxMachineTheProviderIsUnsupportedAndAttachingFailsCleanly() {
        MacProcessAccessProvider provider = new MacProcessAccessProvider();
        assertThat(Platform.current().os()).isEqualTo(OsFamily.LINUX);
        assertThat(provider.isSupported(Platform.current())).isFalse();

        provider.prepare();
        assertThatThrownBy(() -> provider.attach(ProcessHandle.current().pid()))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM))
                .hasMessageStartingWith("the macOS process access provider does not run on linux-");

        // Had prepare() or attach() touched the native binding, they would have failed as this does.
        assertThatThrownBy(NativeMacCalls::get).isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("System");
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(MacProcessAccessProvider.class);
    }
}
