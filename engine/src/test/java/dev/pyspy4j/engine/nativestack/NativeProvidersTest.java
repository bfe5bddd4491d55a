// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.fakes.FakeNative;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which unwinder and resolver a run with native stacks gets, and what it says when there is none. */
class NativeProvidersTest {
    private final FakeNative.Unwinders fast = new FakeNative.Unwinders("fast", 20, true);
    private final FakeNative.Unwinders slow = new FakeNative.Unwinders("slow", 10, true);
    private final FakeNative.Unwinders elsewhere = new FakeNative.Unwinders("elsewhere", 30, false);
    private final FakeNative.Symbols symbols = new FakeNative.Symbols();

    private Providers providers() {
        return new FakeProviders().providers().withNative(List.of(slow, elsewhere, fast), List.of(symbols));
    }

    @Test
    void theSupportedUnwinderWithTheHighestPriorityIsTheDefault() {
        NativeProviders chosen = NativeProviders.select(providers(), Platform.current(),
                NativeMode.on(Optional.empty()));

        assertThat(chosen.unwinder()).isSameAs(fast);
        assertThat(chosen.symbols()).isSameAs(symbols);
    }

    @Test
    void anUnwinderIsChosenById() {
        assertThat(NativeProviders.select(providers(), Platform.current(), NativeMode.on(Optional.of("slow")))
                .unwinder()).isSameAs(slow);
    }

    @Test
    void anUnknownUnwinderIsAUsageError() {
        assertThatThrownBy(() -> NativeProviders.select(providers(), Platform.current(),
                NativeMode.on(Optional.of("magic"))))
                .isInstanceOfSatisfying(SpyException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.USAGE))
                .hasMessageContaining("'magic'");
    }

    @Test
    void missingProvidersSayNativeStacksAreNotAvailable() {
        Providers none = new FakeProviders().providers();

        assertThatThrownBy(() -> NativeProviders.select(none, Platform.current(), NativeMode.on(Optional.empty())))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM))
                .hasMessage("native stacks are not available: no NativeUnwinderProvider supports "
                        + Platform.current() + " (none found on the class path)");
    }

    @Test
    void aMissingResolverSaysSoToo() {
        Providers noResolver = new FakeProviders().providers().withNative(List.of(fast), List.of());

        assertThatThrownBy(() -> NativeProviders.select(noResolver, Platform.current(),
                NativeMode.on(Optional.empty())))
                .hasMessage("native stacks are not available: no SymbolResolverProvider supports "
                        + Platform.current() + " (none found on the class path)");
    }

    @Test
    void anUnwinderThatDoesNotSupportThePlatformIsNotAvailable() {
        assertThatThrownBy(() -> NativeProviders.select(providers(), Platform.current(),
                NativeMode.on(Optional.of("elsewhere"))))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM))
                .hasMessageStartingWith("native stacks are not available: NativeUnwinderProvider 'elsewhere'");
    }
}
