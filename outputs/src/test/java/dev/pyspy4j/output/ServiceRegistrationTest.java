// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.chrometrace.ChromeTraceFormat;
import dev.pyspy4j.output.collapsed.CollapsedFormat;
import dev.pyspy4j.output.flamegraph.FlameGraphFormat;
import dev.pyspy4j.output.gecko.GeckoFormat;
import dev.pyspy4j.output.html.HtmlFormat;
import dev.pyspy4j.output.pprof.PprofFormat;
import dev.pyspy4j.output.speedscope.SpeedscopeFormat;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.SpiVersion;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds exactly the formats this module declares, under py-spy's ids and extensions. */
class ServiceRegistrationTest {
    @Test
    void everyFormatIsRegistered() {
        assertThat(ServiceLoader.load(OutputFormat.class).stream().map(ServiceLoader.Provider::type))
                .containsExactlyInAnyOrder(FlameGraphFormat.class, SpeedscopeFormat.class, CollapsedFormat.class,
                        ChromeTraceFormat.class, PprofFormat.class, GeckoFormat.class, HtmlFormat.class);
    }

    @Test
    void everyReadableFormatIsRegisteredUnderItsOutputFormatsId() {
        ProviderRegistry<ProfileInput> registry = ProviderRegistry.load(ProfileInput.class,
                getClass().getClassLoader());

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.supported(Platform.current())).extracting(ProfileInput::id)
                .containsExactly("pprof", "raw");
    }

    @Test
    void theRegistryLoadsThemWithPySpysIdsAndExtensions() {
        ProviderRegistry<OutputFormat> registry = ProviderRegistry.load(OutputFormat.class,
                getClass().getClassLoader());

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.supported(Platform.current()))
                .extracting(OutputFormat::id, OutputFormat::fileExtension, OutputFormat::spiVersion)
                .containsExactly(
                        Tuple.tuple("chrometrace", "json", SpiVersion.CURRENT),
                        Tuple.tuple("flamegraph", "svg", SpiVersion.CURRENT),
                        Tuple.tuple("gecko", "json", SpiVersion.CURRENT),
                        Tuple.tuple("html", "html", SpiVersion.CURRENT),
                        Tuple.tuple("pprof", "pb.gz", SpiVersion.CURRENT),
                        Tuple.tuple("raw", "txt", SpiVersion.CURRENT),
                        Tuple.tuple("speedscope", "json", SpiVersion.CURRENT));
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(FlameGraphFormat.class);
    }
}
