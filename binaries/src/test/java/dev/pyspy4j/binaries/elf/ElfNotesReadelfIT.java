// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.BuildId;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Notes, build ids and {@code .gnu_debuglink}s of real binaries and of a real core file equal what
 * {@code readelf -n} and {@code readelf -wk} print.
 */
class ElfNotesReadelfIT {
    private static final Path LS = Path.of("/bin/ls");

    @TempDir
    static Path fixtures;

    /**
     * Debian's python (GNU notes and SystemTap probes with unpadded descriptors), ls and libc (an 8-aligned
     * .note.gnu.property), pyenv's libpython (a build id only), the fixture with a debug link.
     */
    static Stream<Path> binaries() {
        return Stream.of(Binaries.DEBIAN_PYTHON, LS, Binaries.LIBC, Binaries.libpython311(),
                Binaries.fixtureFile(Binaries.HELLO_DEBUGLINK, fixtures));
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void notesMatchReadelf(Path binary) {
        List<Readelf.Note> expected = Readelf.notes(binary);

        assertThat(expected).isNotEmpty();
        assertThat(ElfFile.open(binary).notes()).map(ElfNotesReadelfIT::describe).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void buildIdMatchesReadelf(Path binary) {
        String expected = Readelf.notes(binary).stream().map(Readelf.Note::buildId).filter(id -> !id.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("readelf shows no build id in " + binary));

        assertThat(ElfFile.open(binary).buildId()).map(BuildId::hex).hasValue(expected);
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void debugLinkMatchesReadelf(Path binary) {
        Readelf.DebugLink expected = Readelf.debugLink(binary);

        assertThat(ElfFile.open(binary).debugLink())
                .isEqualTo(Optional.ofNullable(expected).map(link -> new GnuDebugLink(link.fileName(), link.crc())));
    }

    /** Debian's dh_strip names the debug file after the build id (its first byte is the directory). */
    @Test
    void debianBinariesLinkToADebugFileNamedAfterTheirBuildId() {
        for (Path binary : List.of(Binaries.DEBIAN_PYTHON, LS, Binaries.LIBC)) {
            ElfFile elf = ElfFile.open(binary);
            String buildId = elf.buildId().orElseThrow().hex();

            assertThat(elf.debugLink()).as(binary.toString()).map(GnuDebugLink::fileName)
                    .hasValue(buildId.substring(2) + ".debug");
        }
    }

    /**
     * A core file written by gdb's gcore: its notes come from the PT_NOTE segment (as readelf reads them, though
     * gdb also writes section headers), and the one thread's NT_PRSTATUS names the process.
     */
    @Test
    void coreFileNotesMatchReadelf(@TempDir Path directory) throws IOException, InterruptedException {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        Path core;
        try {
            ExternalTool.run("gcore", "-o", directory.resolve("core").toString(), Long.toString(sleeper.pid()));
            core = directory.resolve("core." + sleeper.pid());
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor();
        }
        ElfFile elf = ElfFile.open(core);
        List<ElfNote> notes = elf.notes();

        assertThat(elf.header().e_type).isEqualTo(ElfConstants.ET_CORE);
        assertThat(elf.sectionHeaders()).isNotEmpty();
        assertThat(notes).map(ElfNotesReadelfIT::describe).containsExactlyElementsOf(Readelf.notes(core));
        List<ElfNote> threads = notes.stream()
                .filter(note -> note.is(ElfConstants.NOTE_OWNER_CORE, ElfConstants.NT_PRSTATUS)).toList();
        assertThat(threads).hasSize(1);
        // struct elf_prstatus (x86-64): elf_siginfo (12 bytes), pr_cursig (2) + padding, pr_sigpend and
        // pr_sighold (8 each), then pr_pid at offset 32
        assertThat(threads.get(0).descriptor().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(threads.get(0).descriptor().getInt(32)).isEqualTo((int) sleeper.pid());
        assertThat(notes).anyMatch(note -> note.is(ElfConstants.NOTE_OWNER_CORE, ElfConstants.NT_FILE));
    }

    /** A note as {@link Readelf#notes} shows it. */
    private static Readelf.Note describe(ElfNote note) {
        String location = note.location();
        String where = location.startsWith("section ")
                ? location.substring(location.indexOf('\'') + 1, location.length() - 1)
                : location.substring(location.lastIndexOf(' ') + 1);
        boolean buildId = note.is(ElfConstants.NOTE_OWNER_GNU, ElfConstants.NT_GNU_BUILD_ID);
        return new Readelf.Note(where, note.owner(), note.descriptorSize(),
                ReadelfNames.noteType(note.owner(), note.type()),
                buildId ? BuildId.of(note.descriptorBytes()).hex() : "");
    }
}
