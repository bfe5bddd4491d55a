// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.pyspy4j.binaries.elf.ElfBinaryImage;
import dev.pyspy4j.os.linux.proc.ProcMaps;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relocated addresses of libc functions in this JVM, from this module's {@code /proc/self/maps} parser and the
 * ELF reader's load bias, equal what the dynamic linker (dlsym, via JNA) returns.
 */
class ProcessMappingsIT {
    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    /**
     * getpid and malloc have one version; pthread_cond_wait and timer_delete have a hidden compat version
     * beside the default one, and timer_delete's hidden one comes first in .dynsym.
     */
    @ParameterizedTest
    @ValueSource(strings = {"getpid", "malloc", "pthread_cond_wait", "timer_delete"})
    void libcFunctionAddressEqualsDlsym(String function) throws IOException {
        String libcPath = LIBC.toRealPath().toString();
        List<MemoryRegion> mappings = ProcMaps.parse(Files.readString(Path.of("/proc/self/maps")), "/proc/self/maps")
                .stream().filter(region -> region.path().equals(libcPath)).toList();
        long fromDynamicLinker = Pointer.nativeValue(NativeLibrary.getInstance("c").getFunction(function));

        BinaryImage libc = ElfBinaryImage.load(LIBC, libcPath, mappings);

        assertThat(mappings).isNotEmpty();
        assertThat(libc.loadBias()).isNotZero();
        assertThat(libc.symbol(function)).map(BinaryImage.Symbol::address).hasValue(fromDynamicLinker);
    }
}
