// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.elf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relocated addresses of libc functions in this JVM equal what the dynamic linker (dlsym, via JNA) returns. */
class ProcessMappingsIT {
    /**
     * getpid and malloc have one version; pthread_cond_wait and timer_delete have a hidden compat version
     * beside the default one, and timer_delete's hidden one comes first in .dynsym.
     */
    @ParameterizedTest
    @ValueSource(strings = {"getpid", "malloc", "pthread_cond_wait", "timer_delete"})
    void libcFunctionAddressEqualsDlsym(String function) {
        List<MemoryRegion> mappings = ProcMapsForTest.mappingsOf("self", Binaries.LIBC);
        long fromDynamicLinker = Pointer.nativeValue(NativeLibrary.getInstance("c").getFunction(function));

        BinaryImage libc = ElfBinaryImage.load(Binaries.LIBC, mappings.get(0).path(), mappings);

        assertThat(mappings).isNotEmpty();
        assertThat(libc.loadBias()).isNotZero();
        assertThat(libc.symbol(function)).map(BinaryImage.Symbol::address).hasValue(fromDynamicLinker);
    }
}
