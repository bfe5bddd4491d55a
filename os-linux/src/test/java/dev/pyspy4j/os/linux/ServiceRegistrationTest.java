// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds exactly the providers this module declares. */
class ServiceRegistrationTest {
    @Test
    void processAccessProviderIsRegistered() {
        assertThat(ServiceLoader.load(ProcessAccessProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(LinuxProcessAccessProvider.class);
    }

    @Test
    void threadActivityProviderIsRegistered() {
        assertThat(ServiceLoader.load(ThreadActivityProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(LinuxThreadActivityProvider.class);
    }

    @Test
    void providersHaveStableIdsAndSupportOnlyLinux() {
        Platform linux = new Platform(OsFamily.LINUX, TargetArch.X86_64);
        Platform mac = new Platform(OsFamily.MACOS, TargetArch.AARCH64);
        assertThat(new LinuxProcessAccessProvider().id()).isEqualTo("linux");
        assertThat(new LinuxThreadActivityProvider().id()).isEqualTo("linux-proc");
        assertThat(new LinuxProcessAccessProvider().isSupported(linux)).isTrue();
        assertThat(new LinuxProcessAccessProvider().isSupported(mac)).isFalse();
        assertThat(new LinuxThreadActivityProvider().isSupported(linux)).isTrue();
        assertThat(new LinuxThreadActivityProvider().isSupported(mac)).isFalse();
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(LinuxProcessAccessProvider.class);
    }
}
