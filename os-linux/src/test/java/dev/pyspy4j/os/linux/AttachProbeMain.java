// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;

/**
 * Run in a separate JVM (as another user) by {@link PermissionIT}: tries to attach to, read and pause process
 * {@code args[0]} (reading at hex address {@code args[1]}) and prints one line per step, {@code ok} or the
 * failure's kind and message.
 */
public final class AttachProbeMain {
    private AttachProbeMain() {
    }

    public static void main(String[] args) {
        long pid = Long.parseLong(args[0]);
        long address = Long.parseUnsignedLong(args[1], 16);
        report("attach", () -> new LinuxProcessAccessProvider().attach(pid).close());
        report("read", () -> {
            try (LinuxProcessMemory memory = new LinuxProcessMemory(pid)) {
                memory.read(address, ByteBuffer.allocate(8));
            }
        });
        report("pause", () -> {
            try (LinuxTargetProcess target = new LinuxTargetProcess(pid)) {
                target.pause().close();
            }
        });
    }

    private static void report(String step, Runnable action) {
        try {
            action.run();
            System.out.println(step + " ok");
        } catch (SpyException e) {
            System.out.println(step + " " + e.kind() + " " + e.getMessage());
        }
    }
}
