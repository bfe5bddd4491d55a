// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.WindowsTargetProcessTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds the providers; they support Windows x86_64 only and refuse to work anywhere else. */
class ServiceRegistrationTest {
    private static final Platform WINDOWS = new Platform(OsFamily.WINDOWS, TargetArch.X86_64);

    @Test
    void processAccessProviderIsRegistered() {
        assertThat(ServiceLoader.load(ProcessAccessProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(WindowsProcessAccessProvider.class);
    }

    @Test
    void threadActivityProviderIsRegistered() {
        assertThat(ServiceLoader.load(ThreadActivityProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(WindowsThreadActivityProvider.class);
    }

    @Test
    void providersHaveStableIdsAndSupportOnlyWindowsX8664() {
        assertThat(new WindowsProcessAccessProvider().id()).isEqualTo("windows");
        assertThat(new WindowsThreadActivityProvider().id()).isEqualTo("windows-nt");
        for (Platform other : new Platform[] {new Platform(OsFamily.LINUX, TargetArch.X86_64),
                new Platform(OsFamily.MACOS, TargetArch.AARCH64), new Platform(OsFamily.WINDOWS, TargetArch.AARCH64),
                new Platform(OsFamily.FREEBSD, TargetArch.X86_64)}) {
            assertThat(new WindowsProcessAccessProvider().isSupported(other)).as("%s", other).isFalse();
            assertThat(new WindowsThreadActivityProvider().isSupported(other)).as("%s", other).isFalse();
        }
        assertThat(new WindowsProcessAccessProvider().isSupported(WINDOWS)).isTrue();
        assertThat(new WindowsThreadActivityProvider().isSupported(WINDOWS)).isTrue();
    }

    /** This test runs on Linux: the provider reports itself unsupported and never reaches for kernel32. */
    @Test
    void onThisLinuxTheProviderIsUnsupportedAndRefusesToAttach() {
        Platform here = Platform.current();
        assertThat(here.os()).isEqualTo(OsFamily.LINUX);
        assertThat(new WindowsProcessAccessProvider().isSupported(here)).isFalse();

        new WindowsProcessAccessProvider().prepare();
        assertFailure(() -> new WindowsProcessAccessProvider().attach(ProcessHandle.current().pid()),
                FailureKind.UNSUPPORTED_PLATFORM,
                "the Windows process provider runs on windows-x86_64 only, not on " + here);
        assertFailure(() -> new WindowsThreadActivityProvider().open(new LinuxLookingTarget()),
                FailureKind.UNSUPPORTED_PLATFORM,
                "the Windows process provider runs on windows-x86_64 only, not on " + here);
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(WindowsProcessAccessProvider.class);
    }

    /** A process of another provider: only its pid is asked for. */
    private static final class LinuxLookingTarget implements dev.pyspy4j.spi.process.TargetProcess {
        @Override
        public long pid() {
            return 1;
        }

        @Override
        public Platform platform() {
            return Platform.current();
        }

        @Override
        public dev.pyspy4j.spi.process.ProcessMemory memory() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<dev.pyspy4j.spi.process.MemoryRegion> regions() {
            return java.util.List.of();
        }

        @Override
        public java.util.List<NativeThread> threads() {
            return java.util.List.of();
        }

        @Override
        public String executablePath() {
            return "/bin/true";
        }

        @Override
        public java.util.List<String> commandLine() {
            return java.util.List.of();
        }

        @Override
        public java.nio.file.Path fileAsSeenByTarget(String pathInTarget) {
            return java.nio.file.Path.of(pathInTarget);
        }

        @Override
        public java.util.Optional<dev.pyspy4j.spi.process.BinaryImage> image(String path) {
            return java.util.Optional.empty();
        }

        @Override
        public dev.pyspy4j.spi.process.PauseHandle pause() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
