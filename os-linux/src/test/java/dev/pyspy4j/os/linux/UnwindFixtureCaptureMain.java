// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.PauseHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures the fixtures of the unwinder tests (run by hand, once; the fixtures are committed): builds the program
 * under {@code src/test/resources/native/unwind-fixture} with gcc, runs it until every thread spins in its steady
 * state, pauses it with ptrace and records each thread's registers and its stack from the stack pointer to the end
 * of the stack mapping, plus the memory map; then asks gdb for every thread's backtrace (function names) as the
 * expected stacks. Writes into the directory given as the only argument: {@code fixture} (the program, debug info
 * stripped, symbols kept), {@code maps}, {@code threads} and one {@code stack-<tid>.bin} per thread.
 *
 * <p>{@code threads} has one block per thread: {@code thread <tid>}, {@code registers} and the 17 DWARF-numbered
 * registers in hex, {@code stack <hex address> <file>}, {@code expected} and gdb's function names, leaf first.
 */
public final class UnwindFixtureCaptureMain {
    private static final Pattern GDB_THREAD = Pattern.compile("^Thread \\d+ \\(.*LWP (\\d+)\\)");
    private static final Pattern GDB_FRAME = Pattern.compile("^#\\d+\\s+(?:0x[0-9a-f]+ in )?(<signal handler called>|\\S+)");
    private static final int MAX_STACK_BYTES = 256 * 1024;

    private UnwindFixtureCaptureMain() {
    }

    public static void main(String[] arguments) throws Exception {
        Path out = Path.of(arguments[0]);
        Files.createDirectories(out);
        Path sources = Path.of(UnwindFixtureCaptureMain.class.getResource("/native/unwind-fixture").toURI());
        Path work = Files.createTempDirectory("unwind-fixture");
        run("gcc", "-O0", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fno-omit-frame-pointer", "-c",
                "-o", work.resolve("fp.o").toString(), sources.resolve("fixture_fp.c").toString());
        Path program = work.resolve("fixture");
        run("gcc", "-static", "-O2", "-fomit-frame-pointer", "-pthread", "-o", program.toString(),
                sources.resolve("fixture_main.c").toString(), work.resolve("fp.o").toString());
        run("strip", "--strip-debug", program.toString());
        Files.copy(program, out.resolve("fixture"), StandardCopyOption.REPLACE_EXISTING);

        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" & wait", program.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8));
            if (!"ready".equals(output.readLine())) {
                throw new IllegalStateException("the fixture program did not get ready");
            }
            long pid = shell.children().findFirst().orElseThrow().pid();
            StringBuilder threads = new StringBuilder();
            try (LinuxTargetProcess target = new LinuxTargetProcess(pid)) {
                List<MemoryRegion> regions = target.regions();
                Files.writeString(out.resolve("maps"), Files.readString(Path.of("/proc/" + pid + "/maps")));
                Map<Long, Registers> registers = new LinkedHashMap<>();
                try (PauseHandle paused = target.pause()) {
                    for (long tid : paused.stoppedThreads()) {
                        Registers values = paused.registers(tid).orElseThrow();
                        registers.put(tid, values);
                        long sp = values.stackPointer();
                        MemoryRegion stack = regions.stream().filter(region -> region.contains(sp)).findFirst()
                                .orElseThrow();
                        int length = (int) Math.min(stack.end() - sp, MAX_STACK_BYTES);
                        Files.write(out.resolve("stack-" + tid + ".bin"), target.memory().readBytes(sp, length));
                    }
                }
                Map<Long, List<String>> expected = gdbBacktraces(pid);
                for (Map.Entry<Long, Registers> thread : registers.entrySet()) {
                    long tid = thread.getKey();
                    threads.append("thread ").append(tid).append('\n').append("registers");
                    for (long value : thread.getValue().toArray()) {
                        threads.append(' ').append(Long.toHexString(value));
                    }
                    threads.append('\n').append("stack ").append(Long.toHexString(thread.getValue().stackPointer()))
                            .append(" stack-").append(tid).append(".bin\n");
                    threads.append("expected ").append(String.join(" ", expected.getOrDefault(tid, List.of())))
                            .append("\n\n");
                }
            }
            Files.writeString(out.resolve("threads"), threads.toString().replace("<signal handler called>",
                    "<signal-handler-called>"));
            Files.writeString(out.resolve("program-path"), program + "\n");
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
            shell.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Map<Long, List<String>> gdbBacktraces(long pid) throws IOException, InterruptedException {
        Process gdb = new ProcessBuilder("gdb", "-p", Long.toString(pid), "-batch", "-ex", "thread apply all bt")
                .redirectErrorStream(true).start();
        String text = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        gdb.waitFor();
        Map<Long, List<String>> stacks = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            Matcher thread = GDB_THREAD.matcher(line);
            if (thread.find()) {
                current = new ArrayList<>();
                stacks.put(Long.parseLong(thread.group(1)), current);
                continue;
            }
            Matcher frame = GDB_FRAME.matcher(line);
            if (current != null && frame.find()) {
                current.add(frame.group(1));
            }
        }
        return stacks;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
