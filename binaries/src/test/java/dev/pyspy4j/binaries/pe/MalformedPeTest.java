// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each kind of malformed or unsupported PE input fails with SpyException(MALFORMED_INPUT) and a message saying what
 * is wrong; the inputs are the MinGW-w64 fixture DLL with one field changed.
 */
class MalformedPeTest {
    private static final String NAME = "bad.dll";
    private static final byte[] DLL = ForeignBinaries.fixtureBytes(ForeignBinaries.PE_DLL);
    private static final int PE = ByteBuffer.wrap(DLL).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3c);
    private static final int OPTIONAL = PE + 24;

    @Test
    void theFixtureParses() {
        PeFile dll = parse(DLL);
        assertThat(dll.headers().machine()).isEqualTo(PeHeaders.IMAGE_FILE_MACHINE_AMD64);
        assertThat(dll.section("PyRuntim")).isPresent();
        assertThat(dll.exports()).extracting(PeExport::name).containsExactly("Py_IsInitialized", "Py_Version",
                "_PyRuntime");
    }

    @Test
    void noDosHeader() {
        assertMalformed(new byte[] {'M'}, "no DOS header");
        assertMalformed("\u007fELF".getBytes(), "no DOS header (the file does not start with 'MZ')");
    }

    @Test
    void noPeSignature() {
        assertMalformed(withInt(DLL, PE, 0x12345678), "no PE signature at e_lfanew 0x" + Integer.toHexString(PE));
        assertMalformed(withInt(DLL, 0x3c, 0x7fff_0000), "PE signature at 0x7fff0000");
    }

    @Test
    void pe32ImagesAreNamedAsSuch() {
        assertMalformed(withShort(DLL, OPTIONAL, 0x10b), "a PE32 (32-bit) image; only PE32+ images are read");
        assertMalformed(withShort(DLL, PE + 20, 16), "SizeOfOptionalHeader 16 is too small");
    }

    @Test
    void sectionTablePastTheEndOfTheFile() {
        assertMalformed(Arrays.copyOf(DLL, OPTIONAL + 240 + 40), "section table at");
    }

    @Test
    void exportDirectoryOutsideEverySection() {
        byte[] bytes = withInt(DLL, OPTIONAL + 112, 0x7000_0000);
        assertThat(parse(bytes).sections()).isNotEmpty();
        assertMalformed(() -> parse(bytes).exports(), "export directory at RVA 0x70000000 lies in no section's file"
                + " data");
    }

    @Test
    void moreExportNamesThanTheFileHolds() {
        PeSection edata = parse(DLL).section(".edata").orElseThrow();
        byte[] bytes = withInt(DLL, (int) edata.rawDataOffset() + 24, 0x4000_0000);
        assertMalformed(() -> parse(bytes).export("_PyRuntime"), "export name pointer table at");
    }

    @Test
    void ordinalPastTheExportAddressTable() {
        PeFile dll = parse(DLL);
        PeSection edata = dll.section(".edata").orElseThrow();
        ByteBuffer directory = ByteBuffer.wrap(DLL).order(ByteOrder.LITTLE_ENDIAN);
        int ordinals = (int) (directory.getInt((int) edata.rawDataOffset() + 36) - edata.virtualAddress()
                + edata.rawDataOffset());
        byte[] bytes = withShort(DLL, ordinals, 0xffff);
        assertMalformed(() -> parse(bytes).exports(), "export 0 'Py_IsInitialized': ordinal index 65535 is past the 3"
                + " entries of the export address table");
    }

    private static void assertMalformed(byte[] bytes, String expectedDetail) {
        assertMalformed(() -> parse(bytes), expectedDetail);
    }

    private static void assertMalformed(Runnable parse, String expectedDetail) {
        SpyException e = catchThrowableOfType(parse::run, SpyException.class);
        assertThat(e).as("expected a SpyException containing '%s'", expectedDetail).isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        assertThat(e.getMessage()).startsWith("malformed PE file '" + NAME + "': ").contains(expectedDetail);
    }

    private static PeFile parse(byte[] bytes) {
        return PeFile.parse(ByteBuffer.wrap(bytes), NAME);
    }

    private static byte[] withInt(byte[] original, int offset, int value) {
        byte[] copy = original.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    private static byte[] withShort(byte[] original, int offset, int value) {
        byte[] copy = original.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
        return copy;
    }
}
