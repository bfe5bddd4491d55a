// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfProgramHeader;
import dev.pyspy4j.binaries.elf.ElfSymbol;
import dev.pyspy4j.binaries.symbols.DebugFileLocator;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver over a made-up memory map: this machine's libc mapped at a chosen base under the path a container
 * would show, its expected names taken from the ELF reader's by-name index (a separate code path from the address
 * table), and this JVM's own vDSO bytes placed in fake memory.
 */
class ElfSymbolResolverTest {
    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
    private static final String LIBC_IN_TARGET = "/usr/lib/x86_64-linux-gnu/libc.so.6";
    private static final long PAGE = 4096;
    private static final long BASE = 0x7f12_3400_0000L;
    private static final long OTHER_BASE = 0x7f55_0000_0000L;

    @TempDir
    Path directory;

    @Test
    void namesLibraryFunctionsReadThroughTheTargetsViewOfItsFiles() {
        FakeTarget target = mapLibc(new FakeTarget(), BASE);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            for (String name : List.of("malloc", "qsort", "getpid", "pthread_create")) {
                long address = BASE + libcSymbol(name).st_value + 1;
                assertThat(resolver.resolve(address)).as(name)
                        .isEqualTo(new NativeSymbol(address, LIBC_IN_TARGET, name, name, null, 0));
            }
        }
    }

    @Test
    void addressInNoMappingNamesNothing() {
        FakeTarget target = mapLibc(new FakeTarget(), BASE);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            assertThat(resolver.resolve(0x1000)).isEqualTo(NativeSymbol.unnamed(0x1000, null));
            assertThat(resolver.resolve(BASE - 1)).isEqualTo(NativeSymbol.unnamed(BASE - 1, null));
        }
    }

    @Test
    void addressWithoutACoveringSymbolNamesOnlyTheModule() {
        long plt = ElfFile.open(LIBC).section(".plt").orElseThrow().sh_addr;
        FakeTarget target = mapLibc(new FakeTarget(), BASE);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            assertThat(resolver.resolve(BASE + plt)).isEqualTo(NativeSymbol.unnamed(BASE + plt, LIBC_IN_TARGET));
            // the ELF header page is mapped read-only: data of the file, not a function
            assertThat(resolver.resolve(BASE + 0x10)).isEqualTo(NativeSymbol.unnamed(BASE + 0x10, LIBC_IN_TARGET));
        }
    }

    @Test
    void unreadableBinaryNamesOnlyTheModule() throws IOException {
        Path notElf = Files.writeString(directory.resolve("not-elf.so"), "not an ELF file at all\n".repeat(400));
        FakeTarget target = new FakeTarget()
                .map(new MemoryRegion(BASE, BASE + PAGE, "r-xp", 0, "/opt/app/not-elf.so"))
                .map(new MemoryRegion(OTHER_BASE, OTHER_BASE + PAGE, "r-xp", 0, "/opt/app/gone.so (deleted)"))
                .file("/opt/app/not-elf.so", notElf);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            assertThat(resolver.resolve(BASE + 8)).isEqualTo(NativeSymbol.unnamed(BASE + 8, "/opt/app/not-elf.so"));
            assertThat(resolver.resolve(OTHER_BASE)).isEqualTo(NativeSymbol.unnamed(OTHER_BASE,
                    "/opt/app/gone.so (deleted)"));
        }
    }

    @Test
    void staticFunctionsAndLinesComeFromTheDebugFileUnderTheTargetsDebugRoot() {
        String buildId = ElfFile.open(LIBC).buildId().orElseThrow().hex();
        Path debugFile = Path.of("/usr/lib/debug/.build-id/" + buildId.substring(0, 2) + "/" + buildId.substring(2)
                + ".debug");
        ElfFile debug = ElfFile.open(debugFile);
        Set<Long> exported = new HashSet<>();
        ElfFile.open(LIBC).symbolTable(ElfConstants.SHT_DYNSYM).forEach(symbol -> exported.add(symbol.st_value));
        // a file-local function of libc with no exported alias: only the debug file's .symtab names it
        ElfSymbol local = debug.symbolTable(ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.type() == ElfConstants.STT_FUNC && symbol.binding() == ElfConstants.STB_LOCAL
                        && symbol.st_size > 16 && !exported.contains(symbol.st_value))
                .findFirst().orElseThrow();
        Set<String> aliases = new HashSet<>();
        debug.symbolTable(ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.st_value == local.st_value && symbol.type() == ElfConstants.STT_FUNC)
                .forEach(symbol -> aliases.add(symbol.name()));
        FakeTarget target = mapLibc(new FakeTarget(), BASE).file("/usr/lib/debug", Path.of("/usr/lib/debug"));
        long address = BASE + local.st_value + 8;

        try (SymbolResolver withoutDebugFiles = new ElfSymbolResolverProvider(List.of()).open(target);
                SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            assertThat(withoutDebugFiles.resolve(address).function()).isNotIn(aliases);
            NativeSymbol symbol = resolver.resolve(address);
            assertThat(symbol.function()).isIn(aliases);
            assertThat(symbol.sourceFile()).endsWith(".c");
            assertThat(symbol.line()).isPositive();
        }
    }

    @Test
    void corruptDebugFileLeavesTheBinarysOwnNames() throws IOException {
        String buildId = ElfFile.open(LIBC).buildId().orElseThrow().hex();
        Path root = directory.resolve("debug");
        Path debugFile = root.resolve(".build-id/" + buildId.substring(0, 2) + "/" + buildId.substring(2) + ".debug");
        Files.createDirectories(debugFile.getParent());
        // the real debug file (its build id matches) with a .symtab whose entry size sh_entsize is 0
        Path realDebugFile = Path.of("/usr/lib/debug/.build-id/" + buildId.substring(0, 2) + "/"
                + buildId.substring(2) + ".debug");
        ElfFile real = ElfFile.open(realDebugFile);
        int symtab = real.section(".symtab").orElseThrow().index;
        byte[] corrupt = Files.readAllBytes(realDebugFile);
        int entrySizeField = (int) (real.header().e_shoff + (long) symtab * real.header().e_shentsize + 56);
        ByteBuffer.wrap(corrupt).order(ByteOrder.LITTLE_ENDIAN).putLong(entrySizeField, 0);
        Files.write(debugFile, corrupt);
        assertThat(new DebugFileLocator(List.of(root))
                .locate(ElfFile.open(LIBC), LIBC, LIBC_IN_TARGET)).contains(debugFile);
        FakeTarget target = mapLibc(new FakeTarget(), BASE).file("/debug", root);
        long address = BASE + libcSymbol("qsort").st_value;
        try (SymbolResolver resolver = new ElfSymbolResolverProvider(List.of("/debug")).open(target)) {
            assertThat(resolver.resolve(address).function()).isEqualTo("qsort");
        }
    }

    @Test
    void vdsoIsParsedFromTheTargetsMemory() throws IOException {
        byte[] vdso = ownVdso();
        long vdsoBase = 0x7ffd_1234_0000L;
        FakeTarget target = new FakeTarget()
                .map(new MemoryRegion(vdsoBase, vdsoBase + vdso.length, "r-xp", 0, "[vdso]"))
                .bytes(vdsoBase, vdso);
        long clockGettime = ElfFile.parse(ByteBuffer.wrap(vdso), "vdso").symbol("__vdso_clock_gettime")
                .orElseThrow().st_value;
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            NativeSymbol symbol = resolver.resolve(vdsoBase + clockGettime + 4);
            assertThat(symbol.module()).isEqualTo("[vdso]");
            assertThat(symbol.function()).isIn(Set.of("__vdso_clock_gettime", "clock_gettime"));
        }
    }

    @Test
    void refreshReadsTheMapAgain() {
        FakeTarget target = mapLibc(new FakeTarget(), BASE);
        long malloc = libcSymbol("malloc").st_value;
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            assertThat(resolver.resolve(BASE + malloc).function()).isEqualTo("malloc");
            assertThat(resolver.resolve(OTHER_BASE + malloc).hasFunction()).isFalse();

            target.clearMap();
            mapLibc(target, OTHER_BASE);
            // without a refresh the resolver keeps the map (and answers) it read
            assertThat(resolver.resolve(OTHER_BASE + malloc + 1).hasFunction()).isFalse();
            resolver.refresh();

            assertThat(resolver.resolve(OTHER_BASE + malloc).function()).isEqualTo("malloc");
            assertThat(resolver.resolve(BASE + malloc)).isEqualTo(NativeSymbol.unnamed(BASE + malloc, null));
        }
    }

    @Test
    void mapIsReadOnceUntilRefreshed() {
        FakeTarget target = mapLibc(new FakeTarget(), BASE);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            for (int i = 0; i < 100; i++) {
                resolver.resolve(BASE + 0x30000 + i);
            }
            assertThat(target.regionReads()).isEqualTo(1);
            resolver.refresh();
            resolver.resolve(BASE + 0x30000);
            assertThat(target.regionReads()).isEqualTo(2);
        }
    }

    @Test
    void unreadableMapNamesNothingAndNeverThrows() {
        FakeTarget target = mapLibc(new FakeTarget(), BASE);
        target.makeMapUnreadable();
        try (SymbolResolver resolver = new ElfSymbolResolverProvider().open(target)) {
            long address = BASE + libcSymbol("malloc").st_value;
            assertThat(resolver.resolve(address)).isEqualTo(NativeSymbol.unnamed(address, null));
        }
    }

    @Test
    void resolversOfOneProviderShareParsedTables() {
        ElfSymbolResolverProvider provider = new ElfSymbolResolverProvider();
        long malloc = libcSymbol("malloc").st_value;
        try (SymbolResolver first = provider.open(mapLibc(new FakeTarget(), BASE));
                SymbolResolver second = provider.open(mapLibc(new FakeTarget(), OTHER_BASE))) {
            assertThat(first.resolve(BASE + malloc).function()).isEqualTo("malloc");
            assertThat(second.resolve(OTHER_BASE + malloc).function()).isEqualTo("malloc");
            assertThat(provider.cachedBinaries()).isEqualTo(1);
        }
    }

    @Test
    void addressCacheKeepsTheMostRecentlyUsed() {
        AddressCache cache = new AddressCache(2);
        cache.put(NativeSymbol.unnamed(1, null));
        cache.put(NativeSymbol.unnamed(2, null));
        cache.get(1);
        cache.put(NativeSymbol.unnamed(3, null));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(1)).isNotNull();
        assertThat(cache.get(2)).isNull();
        assertThat(cache.get(3)).isNotNull();
    }

    /** Maps libc's PT_LOAD segments at {@code base} the way ld.so does: page-aligned, file offsets page-aligned. */
    static FakeTarget mapLibc(FakeTarget target, long base) {
        for (ElfProgramHeader load : ElfFile.open(LIBC).programHeaders()) {
            if (!load.isLoadable()) {
                continue;
            }
            long start = base + pageDown(load.p_vaddr);
            long end = base + pageUp(load.p_vaddr + load.p_memsz);
            String permissions = ((load.p_flags & 4) != 0 ? "r" : "-") + ((load.p_flags & 2) != 0 ? "w" : "-")
                    + ((load.p_flags & 1) != 0 ? "x" : "-") + "p";
            target.map(new MemoryRegion(start, end, permissions, pageDown(load.p_offset), LIBC_IN_TARGET));
        }
        return target.file(LIBC_IN_TARGET, LIBC);
    }

    private static ElfSymbol libcSymbol(String name) {
        return ElfFile.open(LIBC).symbol(name).orElseThrow();
    }

    /** This JVM's vDSO, read from its own memory. */
    private static byte[] ownVdso() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(entry -> entry.endsWith("[vdso]")).findFirst().orElseThrow();
        String[] range = line.split(" ")[0].split("-");
        long start = Long.parseUnsignedLong(range[0], 16);
        long end = Long.parseUnsignedLong(range[1], 16);
        byte[] bytes = new byte[(int) (end - start)];
        try (RandomAccessFile memory = new RandomAccessFile("/proc/self/mem", "r")) {
            memory.seek(start);
            memory.readFully(bytes);
        }
        return bytes;
    }

    private static long pageDown(long value) {
        return value & -PAGE;
    }

    private static long pageUp(long value) {
        return (value + PAGE - 1) & -PAGE;
    }
}
