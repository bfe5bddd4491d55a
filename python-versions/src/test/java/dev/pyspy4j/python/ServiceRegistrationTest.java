// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The interpreter reader is found the way the engine looks for it: through {@link ServiceLoader}. */
class ServiceRegistrationTest {
    @Test
    void interpreterLayoutProviderIsRegistered() {
        assertThat(ServiceLoader.load(PythonInterpreterProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(CPythonInterpreterProvider.class);
    }

    @Test
    void providerHasAStableIdAndNamesTheVersionsItReads() {
        CPythonInterpreterProvider provider = new CPythonInterpreterProvider();
        assertThat(provider.id()).isEqualTo("cpython");
        assertThat(provider.supportedVersions()).startsWith("2.7, ").endsWith("3.13+");
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(CPythonInterpreterProvider.class);
    }
}
