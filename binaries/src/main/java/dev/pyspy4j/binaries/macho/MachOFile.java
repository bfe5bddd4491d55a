// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import dev.pyspy4j.binaries.BoundedBytes;
import dev.pyspy4j.binaries.NulTerminatedStrings;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A 64-bit little-endian Mach-O image (x86_64 or arm64), thin or taken from a universal binary: header, segments and
 * sections eagerly; the {@code LC_SYMTAB} symbols on first use.
 *
 * <p>Every method that reads the file throws {@code SpyException(MALFORMED_INPUT)} on malformed data, and also when
 * the file holds no image for the requested CPU (a universal binary without that slice, a thin image of another
 * CPU), when it is a 32-bit or big-endian image, or when it is universal and no CPU was named. Thread-safe.
 */
public final class MachOFile {
    private static final String FORMAT = "Mach-O";
    private static final String TEXT_SEGMENT = "__TEXT";

    private final BoundedBytes bytes;
    private final MachOHeader header;
    private final MachOLoadCommands commands;
    private final List<MachOSection> sections;
    private List<MachOSymbol> symbols;
    private Map<String, MachOSymbol> definedByName;

    private MachOFile(BoundedBytes bytes) {
        this.bytes = bytes;
        this.header = readHeader(bytes);
        this.commands = MachOLoadCommands.read(bytes, header);
        this.sections = commands.segments.stream().flatMap(segment -> segment.sections().stream()).toList();
    }

    /** Maps {@code path} and parses the image for {@code cpu}: the file itself if thin, else its slice for it. */
    public static MachOFile open(Path path, MachOCpu cpu) {
        return of(BoundedBytes.open(path, FORMAT), Objects.requireNonNull(cpu, "cpu is null"));
    }

    /** Parses the bytes from {@code bytes}' position to its limit as {@link #open} does; {@code fileName} names it. */
    public static MachOFile parse(ByteBuffer bytes, String fileName, MachOCpu cpu) {
        return of(BoundedBytes.over(bytes, FORMAT, fileName), Objects.requireNonNull(cpu, "cpu is null"));
    }

    /** Parses a thin image whatever its CPU; a universal binary fails (it needs a CPU to pick a slice). */
    public static MachOFile parseThin(ByteBuffer bytes, String fileName) {
        return of(BoundedBytes.over(bytes, FORMAT, fileName), null);
    }

    /** The CPU types of a universal binary's slices in table order, or the thin image's own. */
    public static List<Integer> cpuTypes(ByteBuffer bytes, String fileName) {
        BoundedBytes file = BoundedBytes.over(bytes, FORMAT, fileName);
        if (UniversalBinary.isUniversal(file)) {
            return UniversalBinary.slices(file).stream().map(UniversalBinary.Slice::cpuType).toList();
        }
        return List.of(readHeader(file).cpuType());
    }

    private static MachOFile of(BoundedBytes file, MachOCpu cpu) {
        if (UniversalBinary.isUniversal(file)) {
            if (cpu == null) {
                throw file.malformed("a universal binary, not a thin image; name the CPU whose slice to read");
            }
            UniversalBinary.Slice slice = UniversalBinary.sliceFor(file, cpu).orElseThrow(() -> file.malformed(
                    "a universal binary without a slice for " + cpu.archName() + " (it has " + UniversalBinary
                            .slices(file).stream().map(s -> MachOCpu.describe(s.cpuType()))
                            .collect(Collectors.joining(", ")) + ")"));
            return new MachOFile(file.sub(slice.offset(), slice.size(), cpu.archName() + " slice"));
        }
        MachOFile image = new MachOFile(file);
        if (cpu != null && image.header.cpuType() != cpu.cpuType()) {
            throw file.malformed("an image for " + MachOCpu.describe(image.header.cpuType()) + ", not "
                    + cpu.archName());
        }
        return image;
    }

    private static MachOHeader readHeader(BoundedBytes bytes) {
        if (bytes.size() < 4) {
            throw bytes.malformed("shorter than a Mach-O magic number (" + bytes.size() + " bytes)");
        }
        long magic = bytes.u32(0, "magic number");
        if (magic == MachOHeader.MH_MAGIC || magic == MachOHeader.MH_CIGAM) {
            throw bytes.malformed("a 32-bit Mach-O image; only 64-bit images are read");
        }
        if (magic == MachOHeader.MH_CIGAM_64) {
            throw bytes.malformed("a big-endian Mach-O image; only little-endian images are read");
        }
        if (magic != MachOHeader.MH_MAGIC_64) {
            throw bytes.malformed(String.format("bad magic number 0x%08x (expected 0x%08x)", magic,
                    MachOHeader.MH_MAGIC_64));
        }
        String what = "mach_header_64";
        bytes.requireRange(0, MachOHeader.SIZE, what);
        return new MachOHeader((int) bytes.u32(4, what), (int) bytes.u32(8, what), bytes.u32(12, what),
                bytes.u32(16, what), bytes.u32(20, what), bytes.u32(24, what));
    }

    public String fileName() {
        return bytes.fileName();
    }

    public MachOHeader header() {
        return header;
    }

    /** The image's size in bytes (its slice's, when taken from a universal binary). */
    public int size() {
        return bytes.size();
    }

    public List<MachOSegment> segments() {
        return commands.segments;
    }

    public Optional<MachOSegment> segment(String name) {
        Objects.requireNonNull(name, "name is null");
        return commands.segments.stream().filter(segment -> segment.name().equals(name)).findFirst();
    }

    /** Every section in load command order; a section's position in this list is its {@code index() - 1}. */
    public List<MachOSection> sections() {
        return sections;
    }

    /** The first section {@code sectionName} of segment {@code segmentName}, e.g. {@code ("__DATA", "PyRuntime")}. */
    public Optional<MachOSection> section(String segmentName, String sectionName) {
        Objects.requireNonNull(segmentName, "segmentName is null");
        Objects.requireNonNull(sectionName, "sectionName is null");
        return sections.stream()
                .filter(section -> section.segmentName().equals(segmentName) && section.name().equals(sectionName))
                .findFirst();
    }

    /** The bytes of {@code section} in the image, read-only and little-endian; empty for zero-fill sections. */
    public ByteBuffer sectionData(MachOSection section) {
        if (!section.hasFileData()) {
            return ByteBuffer.allocate(0);
        }
        return bytes.slice(section.offset(), section.size(),
                "section " + section.segmentName() + "," + section.name());
    }

    /**
     * The {@code __TEXT} segment's {@code vmaddr}: where the image expects its header, so the slide ASLR gave it is
     * the header's run-time address minus this. Empty for an image without {@code __TEXT} (an object file).
     */
    public OptionalLong textBase() {
        return segment(TEXT_SEGMENT).map(segment -> OptionalLong.of(segment.vmAddress())).orElse(OptionalLong.empty());
    }

    /**
     * The slide of the image whose header a process maps at {@code headerAddress}.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the image has no {@code __TEXT} segment
     */
    public long slide(long headerAddress) {
        long base = textBase().orElseThrow(() -> bytes.malformed("no " + TEXT_SEGMENT + " segment"));
        return headerAddress - base;
    }

    /** Every {@code nlist_64} entry of {@code LC_SYMTAB}, debugger entries included; empty without the command. */
    public synchronized List<MachOSymbol> symbols() {
        if (symbols == null) {
            symbols = readSymbols();
        }
        return symbols;
    }

    /** The first defined (section or absolute) symbol with exactly this name, e.g. {@code _PyRuntime}. */
    public synchronized Optional<MachOSymbol> symbol(String name) {
        Objects.requireNonNull(name, "name is null");
        if (definedByName == null) {
            Map<String, MachOSymbol> index = new HashMap<>();
            for (MachOSymbol symbol : symbols()) {
                if (symbol.isDefined()) {
                    index.putIfAbsent(symbol.name(), symbol);
                }
            }
            definedByName = index;
        }
        return Optional.ofNullable(definedByName.get(name));
    }

    private List<MachOSymbol> readSymbols() {
        MachOLoadCommands.SymbolTableCommand table = commands.symbolTable;
        if (table == null) {
            return List.of();
        }
        bytes.requireTable(table.symbolOffset(), table.symbolCount(), MachOSymbol.SIZE, "nlist_64 table");
        NulTerminatedStrings strings = new NulTerminatedStrings(bytes, table.stringOffset(), table.stringSize(),
                "string table");
        List<MachOSymbol> read = new ArrayList<>((int) table.symbolCount());
        for (long i = 0; i < table.symbolCount(); i++) {
            long at = table.symbolOffset() + i * MachOSymbol.SIZE;
            String what = "symbol " + i;
            long nameIndex = bytes.u32(at, what);
            if (nameIndex >= table.stringSize() && !(nameIndex == 0 && table.stringSize() == 0)) {
                throw bytes.malformed(String.format("%s: n_strx %d lies outside the string table of %d bytes", what,
                        nameIndex, table.stringSize()));
            }
            String name = table.stringSize() == 0 ? "" : strings.at(table.stringOffset() + nameIndex, what + " name");
            read.add(new MachOSymbol(name, bytes.u8(at + 4, what), bytes.u8(at + 5, what), bytes.u16(at + 6, what),
                    bytes.u64(at + 8, what)));
        }
        return List.copyOf(read);
    }

    @Override
    public String toString() {
        return String.format("MachOFile[%s, %s, %d segments]", fileName(), MachOCpu.describe(header.cpuType()),
                commands.segments.size());
    }
}
