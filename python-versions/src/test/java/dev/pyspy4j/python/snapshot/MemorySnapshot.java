// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Everything a walk took from a live process, so that the walk can be replayed without it: the bytes it read and
 * the few facts that are not memory (executable, memory map, threads, binaries' symbols and sections, the OS thread
 * ids of the interpreter's thread handles).
 *
 * <p>File format: gzip around a {@link DataOutputStream} stream (big-endian numbers, modified UTF-8 strings):
 * <pre>
 *   UTF "pyspy4j-memory-snapshot", int format version (1)
 *   long pid, UTF executable path, UTF program (what the process ran, e.g. a script's name and digest)
 *   int regions,  each: long start, long end, UTF permissions, long file offset, UTF path
 *   int threads,  each: long tid, UTF name
 *   int images,   each: UTF path, long load bias,
 *                       int symbols,  each: UTF name, long address, long size
 *                       int sections, each: UTF name, long address, long size
 *   int chunks,   each: long address, int length, the bytes (ascending, neither overlapping nor touching)
 *   int thread ids, each: long thread handle (pthread_t), long OS thread id, as the OS provider mapped them
 * </pre>
 * Only the symbols and sections that were looked up and found are kept: a lookup of any other name replays as
 * absent, as does an image that was not asked for, and a read of any byte no chunk holds fails.
 */
public record MemorySnapshot(long pid, String executable, String program, List<MemoryRegion> regions, List<NativeThread> threads,
                             List<Image> images, NavigableMap<Long, byte[]> chunks, Map<Long, Long> osThreadIds) {
    private static final String MAGIC = "pyspy4j-memory-snapshot";
    private static final int FORMAT = 2;

    /** A binary as far as the walk looked into it. */
    public record Image(String path, long loadBias, Map<String, BinaryImage.Symbol> symbols,
                        Map<String, BinaryImage.Section> sections) {
    }

    /** How many bytes of memory the snapshot holds. */
    public long memoryBytes() {
        return chunks.values().stream().mapToLong(bytes -> bytes.length).sum();
    }

    public void write(OutputStream sink) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(sink);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(pid);
        out.writeUTF(executable);
        out.writeUTF(program);
        out.writeInt(regions.size());
        for (MemoryRegion region : regions) {
            out.writeLong(region.start());
            out.writeLong(region.end());
            out.writeUTF(region.permissions());
            out.writeLong(region.fileOffset());
            out.writeUTF(region.path());
        }
        out.writeInt(threads.size());
        for (NativeThread thread : threads) {
            out.writeLong(thread.tid());
            out.writeUTF(thread.name());
        }
        out.writeInt(images.size());
        for (Image image : images) {
            out.writeUTF(image.path());
            out.writeLong(image.loadBias());
            out.writeInt(image.symbols().size());
            // Keyed by the name looked up, which is the name a replayed lookup asks for.
            for (Map.Entry<String, BinaryImage.Symbol> symbol : image.symbols().entrySet()) {
                writeNamedRange(out, symbol.getKey(), symbol.getValue().address(), symbol.getValue().size());
            }
            out.writeInt(image.sections().size());
            for (Map.Entry<String, BinaryImage.Section> section : image.sections().entrySet()) {
                writeNamedRange(out, section.getKey(), section.getValue().address(), section.getValue().size());
            }
        }
        out.writeInt(chunks.size());
        for (Map.Entry<Long, byte[]> chunk : chunks.entrySet()) {
            out.writeLong(chunk.getKey());
            out.writeInt(chunk.getValue().length);
            out.write(chunk.getValue());
        }
        out.writeInt(osThreadIds.size());
        for (Map.Entry<Long, Long> thread : osThreadIds.entrySet()) {
            out.writeLong(thread.getKey());
            out.writeLong(thread.getValue());
        }
        out.flush();
        gzip.finish();
    }

    public static MemorySnapshot read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(source));
        String magic = in.readUTF();
        int format = in.readInt();
        if (!MAGIC.equals(magic) || format != FORMAT) {
            throw new IOException("not a memory snapshot of format " + FORMAT + ": " + magic + " " + format);
        }
        long pid = in.readLong();
        String executable = in.readUTF();
        String program = in.readUTF();
        List<MemoryRegion> regions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            regions.add(new MemoryRegion(in.readLong(), in.readLong(), in.readUTF(), in.readLong(), in.readUTF()));
        }
        List<NativeThread> threads = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            threads.add(new NativeThread(in.readLong(), in.readUTF()));
        }
        List<Image> images = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String path = in.readUTF();
            long loadBias = in.readLong();
            Map<String, BinaryImage.Symbol> symbols = new TreeMap<>();
            for (int s = in.readInt(); s > 0; s--) {
                BinaryImage.Symbol symbol = new BinaryImage.Symbol(in.readUTF(), in.readLong(), in.readLong());
                symbols.put(symbol.name(), symbol);
            }
            Map<String, BinaryImage.Section> sections = new TreeMap<>();
            for (int s = in.readInt(); s > 0; s--) {
                BinaryImage.Section section = new BinaryImage.Section(in.readUTF(), in.readLong(), in.readLong());
                sections.put(section.name(), section);
            }
            images.add(new Image(path, loadBias, symbols, sections));
        }
        NavigableMap<Long, byte[]> chunks = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            long address = in.readLong();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            chunks.put(address, bytes);
        }
        Map<Long, Long> osThreadIds = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            osThreadIds.put(in.readLong(), in.readLong());
        }
        return new MemorySnapshot(pid, executable, program, regions, threads, images, chunks, osThreadIds);
    }

    private static void writeNamedRange(DataOutputStream out, String name, long address, long size)
            throws IOException {
        out.writeUTF(name);
        out.writeLong(address);
        out.writeLong(size);
    }
}
