// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Target processes that the tests of one class share (with {@code @TestInstance(PER_CLASS)}): started all at once in
 * the background, so that every interpreter starts while the first tests already run, and killed together after the
 * last test, passed or failed: register it as an extension ({@code @RegisterExtension final SharedTargets targets =
 * new SharedTargets();}), or call {@link #killAll()} from {@code @AfterAll}. A target that fails to start fails only
 * the tests that ask for it.
 */
final class SharedTargets implements AfterAllCallback {
    private static final int STARTERS = 4;

    private final ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
    private final Map<Key, CompletableFuture<Process>> targets = new ConcurrentHashMap<>();
    private final List<RunningProcesses> owners = new ArrayList<>();

    /** Starts {@code python script args...} for each interpreter, in the background. */
    void startForEach(List<Path> pythons, Path script, String... args) {
        for (Path python : pythons) {
            RunningProcesses owner = new RunningProcesses();
            synchronized (owners) {
                owners.add(owner);
            }
            targets.put(new Key(python, script), CompletableFuture.supplyAsync(() -> start(owner, python, script, args),
                    starters));
        }
    }

    /** The target started for {@code python} and {@code script}, once it said it is ready. */
    Process get(Path python, Path script) {
        CompletableFuture<Process> target = targets.get(new Key(python, script));
        if (target == null) {
            throw new IllegalStateException("no target was started for " + python + " " + script);
        }
        try {
            return target.join();
        } catch (CompletionException e) {
            throw new AssertionError(python + " " + script + " did not start: " + e.getCause(), e.getCause());
        }
    }

    /** Kills every target, started or starting. */
    void killAll() throws InterruptedException {
        targets.values().forEach(target -> target.exceptionally(failure -> null).join());
        starters.shutdownNow();
        synchronized (owners) {
            for (RunningProcesses owner : owners) {
                owner.killAll();
            }
            owners.clear();
        }
        targets.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        killAll();
    }

    private static Process start(RunningProcesses owner, Path python, Path script, String... args) {
        try {
            return owner.startPython(python, script, args);
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private record Key(Path python, Path script) {
    }
}
