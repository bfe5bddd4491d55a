// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds the {@code elf} symbol resolver, and the module descriptor declares it too. */
class ServiceRegistrationTest {
    @Test
    void elfSymbolResolverIsRegistered() {
        assertThat(ServiceLoader.load(SymbolResolverProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(ElfSymbolResolverProvider.class);
    }

    @Test
    void idIsElfAndOnlyLinuxIsSupported() {
        ElfSymbolResolverProvider provider = new ElfSymbolResolverProvider();
        assertThat(provider.id()).isEqualTo("elf");
        assertThat(provider.isSupported(new Platform(OsFamily.LINUX, TargetArch.X86_64))).isTrue();
        assertThat(provider.isSupported(new Platform(OsFamily.MACOS, TargetArch.AARCH64))).isFalse();
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(ElfSymbolResolverProvider.class);
    }
}
