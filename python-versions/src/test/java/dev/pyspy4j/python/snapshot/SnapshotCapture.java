// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import dev.pyspy4j.python.CPythonInterpreterProvider;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes the walker snapshots: runs {@code snapshot_target.py} under each interpreter of
 * {@link SnapshotInterpreters}, and once it is ready pauses it, opens it and takes one sample with locals through a
 * {@link RecordingTarget}, and writes what that touched as {@code <id>.snapshot.gz}. The snapshots are checked-in
 * fixtures that {@link WalkerSnapshotTest} replays; take them again only when the script or what a walk reads
 * changes. Needs root (or ptrace rights), the interpreters, and an OS provider on the class path, which
 * python-versions may not depend on, so it is run by hand from the repository root with the fat jar:
 * <pre>
 *   mvn -B -q -o package -DskipTests
 *   java -cp python-versions/target/test-classes:python-versions/target/classes:spi/target/test-classes:cli/target/pyspy4j.jar \
 *       dev.pyspy4j.python.snapshot.SnapshotCapture [output-dir] [id ...]
 * </pre>
 * The output directory defaults to the snapshot resource folder of the source tree; ids (e.g. {@code pyenv-3.12.1})
 * default to all.
 */
public final class SnapshotCapture {
    /** Where the script runs from, so that every snapshot names the same file. */
    static final Path SCRIPT_PATH = Path.of("/tmp/pyspy4j-snapshot", SnapshotInterpreters.SCRIPT);
    /** Locals rendered up to this many characters each, as {@code dump --locals} does. */
    static final int LOCALS_BUDGET = 128;
    private static final long READY_SECONDS = 60;
    private static final int ATTEMPTS = 3;

    private SnapshotCapture() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0]
                : "python-versions/src/test/resources" + SnapshotInterpreters.RESOURCES);
        Set<String> wanted = Set.copyOf(List.of(args).subList(Math.min(1, args.length), args.length));
        Files.createDirectories(output);
        installScript();
        ProcessAccessProvider access = ProviderRegistry.load(ProcessAccessProvider.class,
                SnapshotCapture.class.getClassLoader()).select(Platform.current(), Optional.empty());
        for (SnapshotInterpreters.Interpreter interpreter : SnapshotInterpreters.ALL) {
            if (wanted.isEmpty() || wanted.contains(interpreter.id())) {
                capture(interpreter, access, output.resolve(interpreter.id() + ".snapshot.gz"));
            }
        }
        System.out.println("done at " + Instant.now());
    }

    private static void installScript() throws IOException {
        Files.createDirectories(SCRIPT_PATH.getParent());
        try (InputStream script = SnapshotCapture.class.getResourceAsStream(
                SnapshotInterpreters.RESOURCES + SnapshotInterpreters.SCRIPT)) {
            Files.write(SCRIPT_PATH, script.readAllBytes());
        }
    }

    private static void capture(SnapshotInterpreters.Interpreter interpreter, ProcessAccessProvider access,
                                Path file) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (captureOnce(interpreter, access, file)) {
                return;
            }
            System.out.println(interpreter.id() + ": caught a thread before its last line, again");
        }
        throw new IllegalStateException(interpreter.id() + ": no settled capture in " + ATTEMPTS + " attempts");
    }

    /** Takes one snapshot; false, writing nothing, when a thread had not reached its last line yet. */
    private static boolean captureOnce(SnapshotInterpreters.Interpreter interpreter, ProcessAccessProvider access,
                                       Path file) throws Exception {
        Process python = new ProcessBuilder(interpreter.executable().toString(), SCRIPT_PATH.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            awaitReady(python);
            // The main thread says "ready" just before the call it stays in; give it a moment to get there.
            Thread.sleep(500);
            MemorySnapshot snapshot;
            List<StackTrace> live;
            try (TargetProcess target = access.attach(python.pid()); PauseHandle paused = target.pause()) {
                RecordingTarget recording = new RecordingTarget(target);
                PythonInterpreter opened = new CPythonInterpreterProvider().open(recording);
                live = opened.sample(request()).traces();
                // Walks before 3.11 list the threads themselves; the list is kept for every version, as what
                // the OS thread ids reported must belong to.
                recording.threads();
                snapshot = recording.snapshot(ScriptExpectations.load().identity());
                System.out.println(interpreter.id() + ": Python " + opened.version());
            }
            if (!ScriptExpectations.load().settled(live)) {
                return false;
            }
            List<StackTrace> replayed = replay(snapshot);
            if (!replayed.equals(live)) {
                throw new IllegalStateException(interpreter.id() + ": the replay differs from the live walk:\n"
                        + live + "\n" + replayed);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                snapshot.write(out);
            }
            System.out.println(interpreter.id() + ": " + snapshot.memoryBytes() + " bytes of memory in "
                    + snapshot.chunks().size() + " chunks, " + Files.size(file) + " bytes in " + file);
            live.forEach(trace -> System.out.println("  " + trace.threadName() + " " + trace.frames()));
            return true;
        } finally {
            kill(python);
        }
    }

    /**
     * Kills the script through its pid: once this JVM has ptrace-stopped it, the JDK's reaper thread can take the
     * stop for an exit, and then {@link Process#destroyForcibly()} does nothing.
     */
    private static void kill(Process python) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(python.pid());
        handle.ifPresent(ProcessHandle::destroyForcibly);
        python.destroyForcibly();
        for (int i = 0; i < 100 && handle.map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    /** The request of a sample as {@code dump --locals} makes it, without pausing (the capture holds a pause). */
    static SampleRequest request() {
        return new SampleRequest(false, LineNumbers.CURRENT, false, LOCALS_BUDGET, null);
    }

    static List<StackTrace> replay(MemorySnapshot snapshot) {
        try (ReplayTarget target = new ReplayTarget(snapshot)) {
            return new CPythonInterpreterProvider().open(target).sample(request()).traces();
        }
    }

    private static void awaitReady(Process python) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(),
                StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(READY_SECONDS, TimeUnit.SECONDS);
        if (!"ready".equals(line)) {
            throw new IllegalStateException("the script did not say ready but " + line);
        }
    }
}
