// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import java.util.List;
import java.util.Objects;

/**
 * Goes through what opening and sampling a process runs, against a process that is not Python and must not be
 * paused (the shell that holds a launched program back), so that the JVM has loaded, initialised and compiled that
 * code before the program starts: attaching, listing mappings and threads, parsing the symbol table of every mapped
 * binary (finding an interpreter parses libpython's, thousands of symbols), reading memory, the activity probe and
 * the interpreter provider's search. In a cold JVM these take most of a second the first time and a few
 * milliseconds afterwards, and a short script would have ended before the first attempt to find its interpreter.
 * What fails here is of no consequence: the process is not Python.
 */
final class OpenRehearsal {
    /** Bytes read from each readable mapping, as a sample reads a few words here and there. */
    private static final int READ_BYTES = 64;

    private final ProcessAccessProvider access;
    private final PythonInterpreterProvider interpreters;
    private final ThreadActivityProvider activity;

    /**
     * @param activity opens activity probes; {@code null} when the runs need none
     */
    OpenRehearsal(ProcessAccessProvider access, PythonInterpreterProvider interpreters,
                  ThreadActivityProvider activity) {
        this.access = Objects.requireNonNull(access, "access is null");
        this.interpreters = Objects.requireNonNull(interpreters, "interpreters is null");
        this.activity = activity;
    }

    /** Rehearses on process {@code pid}, which is neither paused nor changed. */
    void rehearseOn(long pid) {
        TargetProcess target;
        try {
            target = access.attach(pid);
        } catch (SpyException e) {
            return;
        }
        try (target) {
            List<MemoryRegion> regions = target.regions();
            parseSymbols(target, regions);
            readMemory(target, regions);
            target.threads();
            target.commandLine();
            probeActivity(target);
            interpreters.open(target);
        } catch (SpyException e) {
            // Expected: no interpreter in this process (or it is already gone).
        }
    }

    private static void parseSymbols(TargetProcess target, List<MemoryRegion> regions) {
        regions.stream().filter(MemoryRegion::isFileBacked).map(MemoryRegion::path).distinct().forEach(path -> {
            try {
                target.image(path).ifPresent(image -> image.symbol("_PyRuntime"));
            } catch (SpyException e) {
                // A file that is not a readable binary: the others still serve.
            }
        });
    }

    private static void readMemory(TargetProcess target, List<MemoryRegion> regions) {
        for (MemoryRegion region : regions) {
            if (region.isReadable() && region.size() >= READ_BYTES) {
                try {
                    target.memory().readBytes(region.start(), READ_BYTES);
                } catch (SpyException e) {
                    // Some mappings cannot be read from outside ([vvar], guard pages).
                }
            }
        }
    }

    private void probeActivity(TargetProcess target) {
        if (activity == null) {
            return;
        }
        ThreadActivityProbe probe = activity.open(target);
        try {
            probe.snapshot();
        } finally {
            probe.close();
        }
    }
}
