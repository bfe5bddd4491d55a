// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads the processes of a tree at one tick side by side, as py-spy does with a thread per process. Pausing a
 * process waits until the kernel has stopped each of its threads, and a thread that is runnable but not running
 * stops only once the scheduler runs it: when the machine is busy, most of a read is that wait, and reading
 * processes one after the other adds the waits up, while side by side they overlap. The sampler's thread reads the first process itself, so that a lone process costs no
 * hand-over. A read pauses and resumes its process on one thread, as ptrace requires of a tracer.
 */
final class ParallelReads {
    private final Executor readers;

    ParallelReads(Executor readers) {
        this.readers = readers;
    }

    /** Reads each source once; the readings are in the order of the sources. */
    List<SourceReading> readAll(List<ProcessSource> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<SourceReading>> others = new ArrayList<>(sources.size() - 1);
        for (ProcessSource source : sources.subList(1, sources.size())) {
            others.add(CompletableFuture.supplyAsync(source::read, readers));
        }
        List<SourceReading> readings = new ArrayList<>(sources.size());
        readings.add(sources.get(0).read());
        for (CompletableFuture<SourceReading> other : others) {
            readings.add(joined(other));
        }
        return readings;
    }

    /** The reading; a read does not throw (a failure is part of it), so what does is a bug or an Error. */
    private static SourceReading joined(CompletableFuture<SourceReading> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
