// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds exactly the providers this module declares, and they work on FreeBSD x86_64 only. */
class ServiceRegistrationTest {
    @Test
    void processAccessProviderIsRegistered() {
        assertThat(ServiceLoader.load(ProcessAccessProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(FreeBsdProcessAccessProvider.class);
    }

    @Test
    void threadActivityProviderIsRegistered() {
        assertThat(ServiceLoader.load(ThreadActivityProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(FreeBsdThreadActivityProvider.class);
    }

    @Test
    void providersSupportOnlyFreeBsdOnX8664() {
        Platform freebsd = new Platform(OsFamily.FREEBSD, TargetArch.X86_64);
        Platform linux = new Platform(OsFamily.LINUX, TargetArch.X86_64);
        Platform freebsdArm = new Platform(OsFamily.FREEBSD, TargetArch.AARCH64);
        ProcessAccessProvider access = new FreeBsdProcessAccessProvider();
        ThreadActivityProvider activity = new FreeBsdThreadActivityProvider();
        assertThat(access.id()).isEqualTo("freebsd");
        assertThat(activity.id()).isEqualTo("freebsd-kinfo");
        assertThat(access.isSupported(freebsd)).isTrue();
        assertThat(activity.isSupported(freebsd)).isTrue();
        for (Platform other : new Platform[] {linux, freebsdArm, new Platform(OsFamily.MACOS, TargetArch.AARCH64)}) {
            assertThat(access.isSupported(other)).as("%s", other).isFalse();
            assertThat(activity.isSupported(other)).as("%s", other).isFalse();
        }
    }

    @Test
    void thisLinuxMachineIsNotSupported() {
        assertThat(Platform.current().os()).isEqualTo(OsFamily.LINUX);
        assertThat(new FreeBsdProcessAccessProvider().isSupported(Platform.current())).isFalse();
        assertThat(new FreeBsdThreadActivityProvider().isSupported(Platform.current())).isFalse();
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(FreeBsdProcessAccessProvider.class);
    }
}
