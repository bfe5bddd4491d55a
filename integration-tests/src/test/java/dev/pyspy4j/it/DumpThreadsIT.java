// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.it.DumpText.DumpedFrame;
import dev.pyspy4j.it.DumpText.DumpedThread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump} of a process with named threads on every interpreter: names, idle or running, OS thread ids and
 * every frame of every thread, checked against what each thread recorded of itself ({@code thread_identity.py}).
 * Two of py-spy's weaknesses are checked on the way: it shows no thread names on 2.7, and on 3.10 and older it
 * finds Linux thread ids only with libunwind; pyspy4j shows both on every version.
 */
@EnabledOnOs(OS.LINUX)
class DumpThreadsIT {
    /** The interpreter lists threads newest first, and dump prints that list backwards: creation order. */
    private static final List<String> CREATION_ORDER = List.of("MainThread", "BusyWorker", "Sleeper-1", "Sleeper-2",
            "Waiter");

    /** Dumps tried until one sees the busy worker holding the GIL. */
    private static final int GIL_ATTEMPTS = 5;

    private final RunningProcesses targets = new RunningProcesses();
    private final Path script = Interpreters.script("threads.py");

    @TempDir
    Path temp;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    /**
     * A dump in which the busy worker holds the GIL, trying a few times: it gives the GIL up for an instant every
     * so often (2.7 every 100 bytecodes, 3.x when another thread asks) and a dump may land in that instant.
     */
    private static Pyspy4jJar.Result dumpWithTheBusyWorkerHoldingTheGil(Process target, Predicate<String> holding,
                                                                        String... options) throws Exception {
        Pyspy4jJar.Result result = DumpCli.dump(target, options);
        for (int attempt = 1; attempt < GIL_ATTEMPTS && result.exitCode() == 0 && !holding.test(result.out());
                attempt++) {
            result = DumpCli.dump(target, options);
        }
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void eachThreadHasItsNameOsThreadStateAndStack(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(script);
        Path identityFile = temp.resolve("identities.json");
        Process target = targets.startPython(python, script, identityFile.toString());
        Map<String, ThreadIdentity> identities = ThreadIdentity.byName(ThreadIdentity.read(identityFile));

        // A free-threaded build has no GIL: its busy worker is active, and nobody holds anything.
        String busyStatus = Interpreters.freeThreaded(python) ? "active" : "active+gil";
        Pyspy4jJar.Result result = dumpWithTheBusyWorkerHoldingTheGil(target,
                out -> out.contains(" (" + busyStatus + "): \"BusyWorker\""));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<DumpedThread> threads = DumpText.threads(result.out());
        assertThat(threads).extracting(DumpedThread::name).as(result.out()).containsExactlyElementsOf(CREATION_ORDER);
        List<String> tasks = TaskIds.of(target.pid());
        for (DumpedThread thread : threads) {
            assertThat(thread.id()).as("thread id of " + thread.name())
                    .isEqualTo(Long.toString(identities.get(thread.name()).tid())).isIn(tasks);
        }
        Map<String, DumpedThread> byName = threads.stream()
                .collect(Collectors.toMap(DumpedThread::name, Function.identity()));
        assertThat(byName.get("BusyWorker").status()).as(result.out()).isEqualTo(busyStatus);
        assertThat(byName.get("BusyWorker").frames()).as(result.out())
                .containsExactlyElementsOf(stack("busy", markers.line("busy"), identities.get("BusyWorker")));
        for (String sleeper : List.of("Sleeper-1", "Sleeper-2")) {
            assertThat(byName.get(sleeper).status()).as(result.out()).isEqualTo("idle");
            assertThat(byName.get(sleeper).frames()).as(result.out())
                    .containsExactlyElementsOf(stack("sleeper", markers.line("sleeper"), identities.get(sleeper)));
        }
        assertThat(byName.get("MainThread").status()).as(result.out()).isEqualTo("idle");
        assertThat(byName.get("MainThread").frames())
                .containsExactly(new DumpedFrame("<module>", "threads.py", markers.line("<module>")));
        assertWaiterBlocksInEventWait(byName.get("Waiter"), stack("waiter", markers.line("waiter"),
                identities.get("Waiter")), result.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void jsonAgreesWithWhatEachThreadSaysOfItself(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(script);
        Path identityFile = temp.resolve("identities.json");
        Process target = targets.startPython(python, script, identityFile.toString());
        Map<String, ThreadIdentity> identities = ThreadIdentity.byName(ThreadIdentity.read(identityFile));

        boolean hasGil = !Interpreters.freeThreaded(python);
        Pyspy4jJar.Result result = dumpWithTheBusyWorkerHoldingTheGil(target,
                out -> (!hasGil || out.matches("(?s).*\"owns_gil\": ?true.*")) && out.contains("BusyWorker"), "-j");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode traces = new ObjectMapper().readTree(result.out());
        assertThat(traces).extracting(trace -> trace.get("thread_name").asText())
                .containsExactlyElementsOf(newestFirst());
        for (JsonNode trace : traces) {
            String name = trace.get("thread_name").asText();
            ThreadIdentity identity = identities.get(name);
            assertThat(DumpJsonIT.fieldNames(trace)).containsExactlyElementsOf(DumpJsonIT.TRACE_FIELDS);
            assertThat(trace.get("pid").asLong()).isEqualTo(target.pid());
            assertThat(trace.get("thread_id").asLong()).as("thread_id of " + name).isEqualTo(identity.ident());
            assertThat(trace.get("os_thread_id").asLong()).as("os_thread_id of " + name).isEqualTo(identity.tid());
            boolean busy = name.equals("BusyWorker");
            assertThat(trace.get("active").asBoolean()).as("active of " + name).isEqualTo(busy);
            assertThat(trace.get("owns_gil").asBoolean()).as("owns_gil of " + name).isEqualTo(busy && hasGil);
            assertThat(trace.get("process_info").isNull()).isTrue();
            assertCallersHaveFullFilenames(trace.get("frames"), identity);
        }
        JsonNode busyLeaf = traces.get(newestFirst().indexOf("BusyWorker")).get("frames").get(0);
        assertThat(busyLeaf.get("filename").asText()).isEqualTo(script.toString());
        assertThat(busyLeaf.get("line").asInt()).isEqualTo(markers.line("busy"));
    }

    private static List<String> newestFirst() {
        List<String> names = new ArrayList<>(CREATION_ORDER);
        Collections.reverse(names);
        return names;
    }

    /** The thread's function at its marked line, then the frames that called it, as the text shows them. */
    private static List<DumpedFrame> stack(String function, int line, ThreadIdentity identity) {
        List<DumpedFrame> frames = new ArrayList<>();
        frames.add(new DumpedFrame(function, "threads.py", line));
        for (ThreadIdentity.Caller caller : identity.callersLeafFirst()) {
            frames.add(new DumpedFrame(caller.function(), Path.of(caller.filename()).getFileName().toString(),
                    caller.line()));
        }
        return frames;
    }

    /** Above {@code waiter()} are threading's {@code Event.wait} and {@code Condition.wait}, at any line. */
    private static void assertWaiterBlocksInEventWait(DumpedThread waiter, List<DumpedFrame> below, String dump) {
        assertThat(waiter.status()).as(dump).isEqualTo("idle");
        List<DumpedFrame> frames = waiter.frames();
        assertThat(frames.size()).as(dump).isGreaterThan(below.size());
        List<DumpedFrame> inThreading = frames.subList(0, frames.size() - below.size());
        assertThat(inThreading).as(dump).allSatisfy(frame -> {
            assertThat(frame.function()).isEqualTo("wait");
            assertThat(frame.file()).isEqualTo("threading.py");
            assertThat(frame.line()).isPositive();
        });
        assertThat(frames.subList(inThreading.size(), frames.size())).as(dump).containsExactlyElementsOf(below);
    }

    /** Below each thread's own function, the frames are exactly the callers it recorded, with full file names. */
    private static void assertCallersHaveFullFilenames(JsonNode frames, ThreadIdentity identity) {
        List<ThreadIdentity.Caller> callers = identity.callersLeafFirst();
        int first = frames.size() - callers.size();
        assertThat(first).as("frames of " + identity.name()).isPositive();
        for (int i = 0; i < callers.size(); i++) {
            JsonNode frame = frames.get(first + i);
            ThreadIdentity.Caller caller = callers.get(i);
            assertThat(new ThreadIdentity.Caller(frame.get("name").asText(), frame.get("filename").asText(),
                    frame.get("line").asInt())).as("frame " + (first + i) + " of " + identity.name()).isEqualTo(caller);
        }
    }
}
