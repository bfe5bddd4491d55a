// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import dev.pyspy4j.unwinders.libunwind.jna.Libunwind;
import java.lang.reflect.Proxy;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The libunwind provider's registration, identity and platform checks. Unwinding itself is checked against live
 * processes by the native unwinder contract suite in the integration tests. These tests need Debian's libunwind8,
 * which the project's test script installs.
 */
class LibunwindUnwinderProviderTest {
    private static final Platform LINUX_X86_64 = new Platform(OsFamily.LINUX, TargetArch.X86_64);

    private final LibunwindUnwinderProvider provider = new LibunwindUnwinderProvider();

    @Test
    void serviceLoaderFindsIt() {
        assertThat(ServiceLoader.load(NativeUnwinderProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(LibunwindUnwinderProvider.class);
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(LibunwindUnwinderProvider.class);
    }

    @Test
    void hasAStableIdAndRanksBelowTheJavaUnwinders() {
        assertThat(provider.id()).isEqualTo("libunwind");
        assertThat(provider.priority()).isEqualTo(10);
        assertThat(provider.description()).contains("libunwind8");
    }

    @Test
    void loadsTheInstalledLibrariesBySoname() {
        assertThat(Libunwind.unavailableBecause()).isEmpty();
        assertThat(provider.isSupported(LINUX_X86_64)).isTrue();
    }

    @Test
    void supportsOnlyLinuxOnX86_64() {
        assertThat(provider.isSupported(new Platform(OsFamily.MACOS, TargetArch.AARCH64))).isFalse();
        assertThat(provider.isSupported(new Platform(OsFamily.LINUX, TargetArch.AARCH64))).isFalse();
        assertThat(provider.isSupported(new Platform(OsFamily.FREEBSD, TargetArch.X86_64))).isFalse();
    }

    @Test
    void refusesAProcessOfAnotherPlatformWithUnsupportedPlatform() {
        TargetProcess macProcess = processOn(new Platform(OsFamily.MACOS, TargetArch.AARCH64));
        assertThatThrownBy(() -> provider.open(macProcess))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM))
                .hasMessageContaining("Linux x86_64");
    }

    @Test
    void withoutTheLibraryOpeningFailsNamingThePackageToInstall() {
        SpyException failure = LibunwindUnwinderProvider.notInstalled(
                "libunwind-ptrace.so.0: cannot open shared object");
        assertThat(failure.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM);
        assertThat(failure.getMessage()).contains("libunwind8", "--unwinder", "cannot open shared object");
    }

    @Test
    void anUnwinderOfAThreadThatDoesNotExistReturnsAnEmptyStackSayingWhy() {
        try (NativeUnwinder unwinder = provider.open(processOn(LINUX_X86_64))) {
            // No such thread is traced by this JVM: libunwind's first register read through ptrace fails.
            var stack = unwinder.unwind(Integer.MAX_VALUE, null, 128);
            assertThat(stack.size()).isZero();
            assertThat(stack.endedEarlyBecause()).hasValueSatisfying(why -> assertThat(why).startsWith("libunwind"));
        }
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedUnwinderRefusesWork() {
        NativeUnwinder unwinder = provider.open(processOn(LINUX_X86_64));
        unwinder.close();
        unwinder.close();
        unwinder.refresh();
        assertThatThrownBy(() -> unwinder.unwind(1, null, 8)).isInstanceOf(IllegalStateException.class);
    }

    private static TargetProcess processOn(Platform platform) {
        return (TargetProcess) Proxy.newProxyInstance(TargetProcess.class.getClassLoader(),
                new Class<?>[] {TargetProcess.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "platform" -> platform;
                    case "pid" -> 1L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
