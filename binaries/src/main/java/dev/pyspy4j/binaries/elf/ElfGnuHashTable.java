// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_DYNSYM;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_GNU_HASH;

import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds an exported name in {@code .dynsym} through its GNU hash table ({@code .gnu.hash}), as the dynamic linker
 * does, decoding only the few entries whose hash matches instead of the whole table (two thousand entries in a
 * libpython, most of the cost of finding an interpreter while the decoder still runs interpreted).
 *
 * <p>The section holds four 32-bit words (bucket count, index of the first hashed symbol, bloom filter size and
 * shift), the bloom filter (words of the file's class size), one 32-bit head index per bucket, then one 32-bit word
 * per hashed symbol: its hash with the lowest bit replaced by "last of its bucket's chain". A bucket's symbols are
 * consecutive, so every entry of one name (name@VER and name@@VER) lies in one chain. Linkers hash every defined
 * global symbol; only local and undefined entries come before the first hashed one.
 *
 * <p>A lookup answers only when it finds what {@link ElfSymbolIndex} would: a defined, global, default-version
 * entry, the best any table can offer, and the first such entry of the chain. Anything else, a table that
 * contradicts itself included, is left to the full lookup, so a bad hash table never changes what a name resolves
 * to.
 */
final class ElfGnuHashTable {
    private static final int HEADER_SIZE = 16;

    private final ElfSymbolTable symbols;
    private final ByteBuffer bytes;
    private final long bucketCount;
    private final long firstHashed;
    private final long bucketsAt;
    private final long chainsAt;
    private final long chainCount;

    private ElfGnuHashTable(ElfSymbolTable symbols, ByteBuffer bytes, long bucketCount, long firstHashed,
            long bucketsAt, long chainsAt, long chainCount) {
        this.symbols = symbols;
        this.bytes = bytes;
        this.bucketCount = bucketCount;
        this.firstHashed = firstHashed;
        this.bucketsAt = bucketsAt;
        this.chainsAt = chainsAt;
        this.chainCount = chainCount;
    }

    /**
     * The hash table of the file's first {@code .dynsym}; empty when there is none, or when it or that table is
     * malformed: the full lookup then reads the tables and reports what is wrong with them, exactly as without a
     * hash table.
     */
    static Optional<ElfGnuHashTable> of(ElfReader reader, ElfSectionTable sections) {
        try {
            return find(reader, sections);
        } catch (SpyException e) {
            return Optional.empty();
        }
    }

    private static Optional<ElfGnuHashTable> find(ElfReader reader, ElfSectionTable sections) {
        ElfSectionHeader dynsym = null;
        for (ElfSectionHeader section : sections.all()) {
            if (section.sh_type == SHT_DYNSYM) {
                dynsym = section;
                break;
            }
        }
        if (dynsym == null) {
            return Optional.empty();
        }
        for (ElfSectionHeader section : sections.all()) {
            if (section.sh_type == SHT_GNU_HASH && section.sh_link == dynsym.index && section.hasFileData()) {
                return of(reader, section, ElfSymbolTable.open(reader, sections, dynsym, dynsym.name));
            }
        }
        return Optional.empty();
    }

    private static Optional<ElfGnuHashTable> of(ElfReader reader, ElfSectionHeader section, ElfSymbolTable symbols) {
        if (Long.compareUnsigned(section.sh_size, HEADER_SIZE) < 0) {
            return Optional.empty();
        }
        ByteBuffer bytes = reader.slice(section.sh_offset, section.sh_size,
                "GNU hash table [" + section.index + "] '" + section.name + "'");
        long bucketCount = Integer.toUnsignedLong(bytes.getInt(0));
        long firstHashed = Integer.toUnsignedLong(bytes.getInt(4));
        long bloomWords = Integer.toUnsignedLong(bytes.getInt(8));
        long bucketsAt = HEADER_SIZE + bloomWords * (reader.is64() ? Long.BYTES : Integer.BYTES);
        long chainsAt = bucketsAt + bucketCount * Integer.BYTES;
        if (bucketCount == 0 || chainsAt > bytes.limit() || firstHashed > symbols.count()) {
            return Optional.empty();
        }
        long chainCount = Math.min((bytes.limit() - chainsAt) / Integer.BYTES, symbols.count() - firstHashed);
        return Optional.of(new ElfGnuHashTable(symbols, bytes, bucketCount, firstHashed, bucketsAt, chainsAt,
                chainCount));
    }

    /** The entry the dynamic linker would bind {@code name} to, when it is the best any table can hold. */
    Optional<ElfSymbol> lookup(String name) {
        long hash = hash(name);
        long index = word(bucketsAt + Integer.BYTES * (hash % bucketCount));
        if (index < firstHashed) {
            // 0 is an empty bucket; any other index below the hashed ones contradicts the header.
            return Optional.empty();
        }
        for (long link = index - firstHashed; link < chainCount; link++) {
            long chained = word(chainsAt + Integer.BYTES * link);
            if ((chained | 1) == (hash | 1)) {
                ElfSymbol candidate = symbols.entry((int) (firstHashed + link));
                if (candidate.name().equals(name) && ElfSymbolIndex.isBestCandidate(candidate)) {
                    return Optional.of(candidate);
                }
            }
            if ((chained & 1) != 0) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The GNU hash of a name's bytes: h = h * 33 + byte from 5381, in 32 bits. */
    static long hash(String name) {
        long hash = 5381;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash * 33 + (b & 0xff)) & 0xffff_ffffL;
        }
        return hash;
    }

    private long word(long offset) {
        return Integer.toUnsignedLong(bytes.getInt((int) offset));
    }
}
