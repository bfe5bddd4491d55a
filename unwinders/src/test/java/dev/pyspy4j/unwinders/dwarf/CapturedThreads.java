// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fixture written by os-linux's {@code UnwindFixtureCaptureMain}: a stopped program's threads (registers, stack
 * bytes from the stack pointer up, and gdb's backtrace as function names), its memory map and its binary.
 */
record CapturedThreads(Path binary, String binaryPathInTarget, CapturedProcess process, FakeProcessMemory memory,
                       List<Thread> threads) {
    record Thread(long tid, Registers registers, List<String> expected) {
        /** Whether gdb stopped at {@code main}, as it does for the main thread (it hides frames past it). */
        boolean endsAtMain() {
            return !expected.isEmpty() && expected.get(expected.size() - 1).equals("main");
        }
    }

    static CapturedThreads load(String name) throws IOException {
        Path directory;
        try {
            directory = Path.of(CapturedThreads.class.getResource("/unwind-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String programPath = Files.readString(directory.resolve("program-path")).trim();
        FakeProcessMemory memory = new FakeProcessMemory();
        List<Thread> threads = new ArrayList<>();
        long tid = 0;
        long[] registers = null;
        for (String line : Files.readAllLines(directory.resolve("threads"))) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "thread" -> tid = Long.parseLong(words[1]);
                case "registers" -> {
                    registers = new long[words.length - 1];
                    for (int i = 1; i < words.length; i++) {
                        registers[i - 1] = Long.parseUnsignedLong(words[i], 16);
                    }
                }
                case "stack" -> memory.put(Long.parseUnsignedLong(words[1], 16),
                        Files.readAllBytes(directory.resolve(words[2])));
                case "expected" -> threads.add(new Thread(tid, new Registers(TargetArch.X86_64, registers),
                        List.of(words).subList(1, words.length)));
                default -> {
                    // blank separator lines
                }
            }
        }
        Path binary = directory.resolve("fixture");
        CapturedProcess process = new CapturedProcess(memory,
                CapturedProcess.parseMaps(Files.readString(directory.resolve("maps"))), Map.of(programPath, binary));
        return new CapturedThreads(binary, programPath, process, memory, threads);
    }
}
