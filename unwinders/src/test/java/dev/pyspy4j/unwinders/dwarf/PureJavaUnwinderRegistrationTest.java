// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.testing.ModuleDescriptorContract;
import dev.pyspy4j.unwinders.framepointer.FramePointerUnwinderProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The pure-Java unwinders are found the way the engine looks for them, with stable ids and the DWARF one first. */
class PureJavaUnwinderRegistrationTest {
    @Test
    void bothAreRegistered() {
        assertThat(ServiceLoader.load(NativeUnwinderProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(DwarfUnwinderProvider.class, FramePointerUnwinderProvider.class);
    }

    @Test
    void idsPrioritiesAndPlatforms() {
        DwarfUnwinderProvider dwarf = new DwarfUnwinderProvider();
        FramePointerUnwinderProvider framePointer = new FramePointerUnwinderProvider();
        assertThat(dwarf.id()).isEqualTo("dwarf");
        assertThat(framePointer.id()).isEqualTo("framepointer");
        assertThat(dwarf.priority()).isGreaterThan(framePointer.priority());
        Platform linux = new Platform(OsFamily.LINUX, TargetArch.X86_64);
        Platform linuxArm = new Platform(OsFamily.LINUX, TargetArch.AARCH64);
        Platform mac = new Platform(OsFamily.MACOS, TargetArch.X86_64);
        assertThat(dwarf.isSupported(linux)).isTrue();
        assertThat(dwarf.isSupported(linuxArm)).isFalse();
        assertThat(framePointer.isSupported(mac)).isFalse();
        assertThat(dwarf.description()).isNotBlank();
    }

    @Test
    void moduleDescriptorProvidesWhatTheServiceFilesList() throws Exception {
        ModuleDescriptorContract.providesWhatItsServiceFilesList(DwarfUnwinderProvider.class);
    }
}
