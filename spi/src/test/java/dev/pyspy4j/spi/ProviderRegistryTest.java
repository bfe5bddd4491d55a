// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    private static final Platform LINUX = new Platform(OsFamily.LINUX, TargetArch.X86_64);
    private static final Platform MAC = new Platform(OsFamily.MACOS, TargetArch.AARCH64);

    interface Thing extends Provider {
    }

    record TestThing(String id, OsFamily os, int priority, int spiVersion) implements Thing {
        @Override
        public boolean isSupported(Platform platform) {
            return platform.os() == os;
        }
    }

    private static Thing thing(String id, OsFamily os, int priority) {
        return new TestThing(id, os, priority, SpiVersion.CURRENT);
    }

    @Test
    void picksTheSupportedProviderWithTheHighestPriority() {
        ProviderRegistry<Thing> registry = ProviderRegistry.of(Thing.class, List.of(
                thing("low", OsFamily.LINUX, 1), thing("mac", OsFamily.MACOS, 99), thing("high", OsFamily.LINUX, 5)));
        assertThat(registry.select(LINUX, Optional.empty()).id()).isEqualTo("high");
        assertThat(registry.select(MAC, Optional.empty()).id()).isEqualTo("mac");
    }

    @Test
    void tiesGoToTheLowestId() {
        ProviderRegistry<Thing> registry = ProviderRegistry.of(Thing.class, List.of(
                thing("b", OsFamily.LINUX, 0), thing("a", OsFamily.LINUX, 0)));
        assertThat(registry.supported(LINUX)).extracting(Provider::id).containsExactly("a", "b");
    }

    @Test
    void anExplicitIdWinsOverPriority() {
        ProviderRegistry<Thing> registry = ProviderRegistry.of(Thing.class, List.of(
                thing("low", OsFamily.LINUX, 1), thing("high", OsFamily.LINUX, 5)));
        assertThat(registry.select(LINUX, Optional.of("low")).id()).isEqualTo("low");
    }

    @Test
    void anUnknownIdIsAUsageErrorListingTheKnownOnes() {
        ProviderRegistry<Thing> registry = ProviderRegistry.of(Thing.class, List.of(thing("a", OsFamily.LINUX, 0)));
        assertThatThrownBy(() -> registry.select(LINUX, Optional.of("zzz")))
                .isInstanceOf(SpyException.class)
                .hasMessage("no Thing named 'zzz'; available: a")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.USAGE);
    }

    @Test
    void anIdForAnotherPlatformIsRefused() {
        ProviderRegistry<Thing> registry = ProviderRegistry.of(Thing.class, List.of(thing("mac", OsFamily.MACOS, 0)));
        assertThatThrownBy(() -> registry.select(LINUX, Optional.of("mac")))
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM);
    }

    @Test
    void nothingSupportingThePlatformNamesThePlatformAndWhatWasFound() {
        ProviderRegistry<Thing> registry = ProviderRegistry.of(Thing.class, List.of(thing("mac", OsFamily.MACOS, 0)));
        assertThatThrownBy(() -> registry.select(LINUX, Optional.empty()))
                .hasMessage("no Thing supports linux-x86_64; found: mac");
        assertThatThrownBy(() -> ProviderRegistry.of(Thing.class, List.<Thing>of()).select(LINUX, Optional.empty()))
                .hasMessage("no Thing supports linux-x86_64 (none found on the class path)");
    }

    @Test
    void serviceLoaderDiscoveryReportsBrokenAndOutdatedProvidersWithoutHidingGoodOnes() {
        ProviderRegistry<Widget> registry = ProviderRegistry.load(Widget.class, getClass().getClassLoader());
        assertThat(registry.all()).extracting(Provider::id).containsExactly("good");
        assertThat(registry.problems()).hasSize(2);
        assertThat(registry.problems()).anyMatch(p -> p.contains("SPI version 0"));
        assertThat(registry.problems()).anyMatch(p -> p.contains("failed to load"));
    }

    @Test
    void platformParsesJvmProperties() {
        assertThat(OsFamily.fromOsName("Linux")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.fromOsName("Mac OS X")).isEqualTo(OsFamily.MACOS);
        assertThat(OsFamily.fromOsName("Windows 11")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.fromOsName("FreeBSD")).isEqualTo(OsFamily.FREEBSD);
        assertThat(TargetArch.fromOsArch("amd64")).isEqualTo(TargetArch.X86_64);
        assertThat(TargetArch.fromOsArch("i386").pointerSize()).isEqualTo(4);
        assertThat(TargetArch.fromOsArch("arm").byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    /** Registered in META-INF/services of the test class path, with one good, one outdated, one broken entry. */
    public interface Widget extends Provider {
    }

    public static final class GoodWidget implements Widget {
        @Override
        public String id() {
            return "good";
        }
    }

    public static final class OutdatedWidget implements Widget {
        @Override
        public String id() {
            return "outdated";
        }

        @Override
        public int spiVersion() {
            return 0;
        }
    }

    public static final class BrokenWidget implements Widget {
        public BrokenWidget() {
            throw new IllegalStateException("cannot construct");
        }

        @Override
        public String id() {
            return "broken";
        }
    }
}
