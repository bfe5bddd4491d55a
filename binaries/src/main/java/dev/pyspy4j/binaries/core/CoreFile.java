// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

import static dev.pyspy4j.binaries.elf.ElfConstants.ET_CORE;
import static dev.pyspy4j.binaries.elf.ElfConstants.NOTE_OWNER_CORE;
import static dev.pyspy4j.binaries.elf.ElfConstants.NT_AUXV;
import static dev.pyspy4j.binaries.elf.ElfConstants.NT_FILE;
import static dev.pyspy4j.binaries.elf.ElfConstants.NT_PRPSINFO;
import static dev.pyspy4j.binaries.elf.ElfConstants.NT_PRSTATUS;
import static dev.pyspy4j.binaries.elf.ElfConstants.PT_LOAD;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfNote;
import dev.pyspy4j.binaries.elf.ElfProgramHeader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A core file of an x86_64 Linux process, as the kernel and gdb's {@code gcore} write them: its threads and their
 * registers ({@code NT_PRSTATUS}), the process's name and arguments ({@code NT_PRPSINFO}), its auxiliary vector
 * ({@code NT_AUXV}), the files it had mapped ({@code NT_FILE}) and the memory it dumped ({@code PT_LOAD}). Pages a
 * core leaves out (code and other read-only file pages, by default) are the mapped files' to give; this class only
 * says which file covers them. Everything is checked when the file is opened: a file that is not a core, or is
 * truncated, or whose notes are malformed, fails then with one MALFORMED_INPUT message that names it.
 */
public final class CoreFile {
    /** {@code EM_X86_64}. */
    private static final int MACHINE_X86_64 = 62;
    /** Offsets in x86_64's {@code struct elf_prstatus} (linux/elfcore.h). */
    private static final int PRSTATUS_CURSIG = 12;
    private static final int PRSTATUS_PID = 32;
    private static final int PRSTATUS_REGISTERS = 112;
    private static final int GENERAL_REGISTERS = 27;
    /** Offsets in x86_64's {@code struct elf_prpsinfo}. */
    private static final int PRPSINFO_PID = 24;
    private static final int PRPSINFO_FNAME = 40;
    private static final int PRPSINFO_FNAME_SIZE = 16;
    private static final int PRPSINFO_PSARGS = 56;
    private static final int PRPSINFO_PSARGS_SIZE = 80;

    private final String name;
    private final List<ElfProgramHeader> segments;
    private final List<ByteBuffer> segmentBytes;
    private final List<CoreThread> threads;
    private final List<CoreMapping> mappings;
    private final Map<Long, Long> auxv;
    private final long pid;
    private final String programName;
    private final String arguments;

    private CoreFile(ElfFile elf) {
        this.name = elf.fileName();
        if (elf.header().e_type != ET_CORE) {
            throw malformed("it is an ELF file, but not a core file (e_type " + elf.header().e_type + ")");
        }
        if (elf.header().e_machine != MACHINE_X86_64 || !elf.is64()) {
            throw malformed("it is the core of a process of machine " + elf.header().e_machine
                    + "; only x86_64 cores are read");
        }
        List<ElfProgramHeader> loads = new ArrayList<>();
        for (ElfProgramHeader segment : elf.programHeaders()) {
            if (segment.p_type == PT_LOAD) {
                loads.add(segment);
            }
        }
        loads.sort(Comparator.comparing(segment -> segment.p_vaddr, Long::compareUnsigned));
        this.segments = List.copyOf(loads);
        List<ByteBuffer> bytes = new ArrayList<>();
        for (ElfProgramHeader segment : segments) {
            try {
                bytes.add(elf.segmentData(segment));
            } catch (SpyException e) {
                throw malformed(String.format("it is truncated: the memory at 0x%x needs %d bytes from file offset"
                        + " 0x%x, which the file does not have (%d bytes)", segment.p_vaddr, segment.p_filesz,
                        segment.p_offset, elf.size()));
            }
        }
        this.segmentBytes = List.copyOf(bytes);
        List<CoreThread> foundThreads = new ArrayList<>();
        List<CoreMapping> foundMappings = new ArrayList<>();
        Map<Long, Long> foundAuxv = new LinkedHashMap<>();
        long processId = -1;
        String fname = "";
        String psargs = "";
        try {
            for (ElfNote note : elf.notes()) {
                if (note.is(NOTE_OWNER_CORE, NT_PRSTATUS)) {
                    foundThreads.add(thread(note.descriptor()));
                } else if (note.is(NOTE_OWNER_CORE, NT_PRPSINFO)) {
                    ByteBuffer info = note.descriptor();
                    processId = Integer.toUnsignedLong(info.getInt(PRPSINFO_PID));
                    fname = cString(info, PRPSINFO_FNAME, PRPSINFO_FNAME_SIZE);
                    // The kernel turns every NUL of the command line into a space, the last one too.
                    psargs = cString(info, PRPSINFO_PSARGS, PRPSINFO_PSARGS_SIZE).stripTrailing();
                } else if (note.is(NOTE_OWNER_CORE, NT_FILE)) {
                    foundMappings.addAll(mappings(note.descriptor()));
                } else if (note.is(NOTE_OWNER_CORE, NT_AUXV)) {
                    ByteBuffer vector = note.descriptor();
                    while (vector.remaining() >= 2 * Long.BYTES) {
                        foundAuxv.putIfAbsent(vector.getLong(), vector.getLong());
                    }
                }
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw malformed("a note is shorter than its content needs");
        }
        if (foundThreads.isEmpty()) {
            throw malformed("it has no thread (no NT_PRSTATUS note)");
        }
        this.threads = List.copyOf(foundThreads);
        this.mappings = List.copyOf(foundMappings);
        this.auxv = Map.copyOf(foundAuxv);
        this.pid = processId >= 0 ? processId : threads.get(0).tid();
        this.programName = fname;
        this.arguments = psargs;
    }

    /**
     * Opens and checks the core file at {@code path}.
     *
     * @throws SpyException MALFORMED_INPUT when it is not an x86_64 core file or is truncated or malformed
     */
    public static CoreFile open(Path path) {
        return of(ElfFile.open(path));
    }

    /** The core file that {@code elf} is, checked as {@link #open} checks it. */
    public static CoreFile of(ElfFile elf) {
        return new CoreFile(elf);
    }

    /** The file's name, for messages. */
    public String name() {
        return name;
    }

    /** The process id, from {@code NT_PRPSINFO} (or the first thread's id, when that note is missing). */
    public long pid() {
        return pid;
    }

    /** The threads in the order of their notes: the one that received the fatal signal first, in kernel cores. */
    public List<CoreThread> threads() {
        return threads;
    }

    /** The program's name as the kernel keeps it ({@code comm}, at most 15 bytes); empty when not recorded. */
    public String programName() {
        return programName;
    }

    /** The start of the command line, its arguments separated by spaces, cut to 80 bytes by the kernel. */
    public String arguments() {
        return arguments;
    }

    /** The files the process had mapped, in address order. */
    public List<CoreMapping> mappings() {
        return mappings;
    }

    /** An auxiliary vector entry ({@code AT_PHDR} is 3, {@code AT_EXECFN} 31), if the core recorded it. */
    public OptionalLong auxv(long type) {
        Long value = auxv.get(type);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** The memory regions the process had ({@code PT_LOAD}), dumped or not, in address order. */
    public List<CoreSegment> segments() {
        List<CoreSegment> regions = new ArrayList<>(segments.size());
        for (ElfProgramHeader segment : segments) {
            regions.add(new CoreSegment(segment.p_vaddr, segment.p_vaddr + segment.p_memsz, segment.p_filesz,
                    (int) segment.p_flags));
        }
        return regions;
    }

    /**
     * The {@code length} bytes at {@code address} as the core dumped them, read-only; empty when some of them were
     * not dumped (or lie in no region), so that the caller can ask the mapped file.
     */
    public Optional<ByteBuffer> dumped(long address, int length) {
        int index = segmentAt(address);
        if (index < 0) {
            return Optional.empty();
        }
        ElfProgramHeader segment = segments.get(index);
        long offset = address - segment.p_vaddr;
        if (length < 0 || Long.compareUnsigned(offset + length, segment.p_filesz) > 0) {
            return Optional.empty();
        }
        ByteBuffer bytes = segmentBytes.get(index);
        return Optional.of(bytes.slice((int) offset, length).order(bytes.order()));
    }

    /**
     * The bytes the core dumped from {@code address} to the end of what it dumped of that region, read-only; empty
     * when it dumped nothing at {@code address}.
     */
    public Optional<ByteBuffer> dumpedFrom(long address) {
        int index = segmentAt(address);
        if (index < 0) {
            return Optional.empty();
        }
        long offset = address - segments.get(index).p_vaddr;
        long dumpedBytes = segments.get(index).p_filesz;
        if (Long.compareUnsigned(offset, dumpedBytes) >= 0) {
            return Optional.empty();
        }
        ByteBuffer bytes = segmentBytes.get(index);
        return Optional.of(bytes.slice((int) offset, (int) (dumpedBytes - offset)).order(bytes.order()));
    }

    /** The mapped file that covers {@code address}, if any. */
    public Optional<CoreMapping> mappingAt(long address) {
        for (CoreMapping mapping : mappings) {
            if (mapping.contains(address)) {
                return Optional.of(mapping);
            }
        }
        return Optional.empty();
    }

    private int segmentAt(long address) {
        int low = 0;
        int high = segments.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            ElfProgramHeader segment = segments.get(middle);
            if (Long.compareUnsigned(address, segment.p_vaddr) < 0) {
                high = middle - 1;
            } else if (Long.compareUnsigned(address - segment.p_vaddr, segment.p_memsz) >= 0) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private static CoreThread thread(ByteBuffer status) {
        long[] registers = new long[GENERAL_REGISTERS];
        for (int i = 0; i < GENERAL_REGISTERS; i++) {
            registers[i] = status.getLong(PRSTATUS_REGISTERS + i * Long.BYTES);
        }
        return new CoreThread(Integer.toUnsignedLong(status.getInt(PRSTATUS_PID)), status.getShort(PRSTATUS_CURSIG),
                registers);
    }

    /** {@code NT_FILE}: a count, the page size, count (start, end, page offset) triples, then count file names. */
    private List<CoreMapping> mappings(ByteBuffer note) {
        long count = note.getLong();
        long pageSize = note.getLong();
        if (count < 0 || count > note.remaining() / (3L * Long.BYTES) || pageSize <= 0) {
            throw malformed("its NT_FILE note announces " + Long.toUnsignedString(count) + " files of pages of "
                    + Long.toUnsignedString(pageSize) + " bytes, which it cannot hold");
        }
        long[][] ranges = new long[(int) count][];
        for (int i = 0; i < count; i++) {
            ranges[i] = new long[] {note.getLong(), note.getLong(), note.getLong()};
        }
        List<CoreMapping> found = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int start = note.position();
            int length = 0;
            while (note.hasRemaining() && note.get() != 0) {
                length++;
            }
            byte[] path = new byte[length];
            note.get(start, path);
            if (Long.compareUnsigned(ranges[i][1], ranges[i][0]) < 0) {
                throw malformed(String.format("its NT_FILE note maps '%s' from 0x%x down to 0x%x",
                        new String(path, StandardCharsets.UTF_8), ranges[i][0], ranges[i][1]));
            }
            found.add(new CoreMapping(ranges[i][0], ranges[i][1], ranges[i][2] * pageSize,
                    new String(path, StandardCharsets.UTF_8)));
        }
        return found;
    }

    private static String cString(ByteBuffer bytes, int offset, int size) {
        int length = 0;
        while (length < size && bytes.get(offset + length) != 0) {
            length++;
        }
        byte[] text = new byte[length];
        bytes.get(offset, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private SpyException malformed(String reason) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "cannot read core file '" + name + "': " + reason);
    }
}
