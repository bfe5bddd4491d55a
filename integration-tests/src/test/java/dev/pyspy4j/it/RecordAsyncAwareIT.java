// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code record --async-aware} and {@code top --async-aware} on a program of known tasks (scripts/asyncio_split.py):
 * two tasks running the same coroutines compute 75 % and 25 % of the time, so only the task pseudo-frames tell
 * their samples apart, and their recorded shares must be within 5 points of that, pausing the target or not; the
 * running task's stack is exactly the tasks awaiting it and its own frames, without the event loop's; with
 * {@code --async-mode all} the pending tasks' await chains are stacks of their own, exactly; a thread outside
 * asyncio keeps its plain stack. On every interpreter whose tasks pyspy4j reads (CPython 3.7-3.15 and the
 * free-threaded 3.13t); the others refuse the option in one line. Run alone, one case at a time, as RecordAccuracyIT is:
 * shares measured while other recordings compete for the same cores spread too widely.
 */
@EnabledOnOs(OS.LINUX)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class RecordAsyncAwareIT {
    private static final String SCRIPT = "asyncio_split.py";
    private static final String FILE = "asyncio_split.py";
    private static final double HEAVY_SHARE = 0.75;
    private static final double TOLERANCE = 0.05;
    /**
     * Enough samples for the 5 points to be over three and a half standard deviations of a 75 % share even when a
     * loaded machine delivers only half of them (at 100 Hz a non-blocking run once missed by 5.03 points with 766
     * samples).
     */
    private static final String RATE = "250";

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    static List<Path> supported() throws Exception {
        return DumpAsyncioIT.supported();
    }

    static List<Path> unsupported() throws Exception {
        return DumpAsyncioIT.unsupported();
    }

    /** A recent interpreter reading tasks from its registries and one reading them through its debug offsets. */
    static List<Path> named() {
        return List.of(Interpreters.pyenv("3.12"), Interpreters.debianSid("3.14"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void recordedSharesOfTwoComputingTasksFollowTheirSplit(Path python) throws Exception {
        Known known = start(python);

        RawProfile profile = record(known, "--idle");

        assertShares(profile, known);
        List<String> heavyRunning = List.of(known.label("main"), known.frame("main"), known.label("heavy"),
                known.frame("worker"), known.frame("crunch"), known.frame("spin"));
        long heavy = profile.count(stack -> stack.contains(known.label("heavy")));
        assertThat((double) profile.count(heavyRunning::equals)).as(profile.toString()).isGreaterThan(0.9 * heavy);
        assertThat(profile.count(stack -> stack.contains(known.frame("spin")) && !attributed(stack)))
                .as("computing stacks outside any task: %s", profile).isZero();
        assertThat(profile.count(stack -> attributed(stack)
                && stack.stream().anyMatch(frame -> frame.startsWith("run_until_complete (asyncio/"))))
                .as("event loop frames under a task: %s", profile).isZero();
        List<String> side = profile.stacks().keySet().stream()
                .filter(stack -> stack.get(stack.size() - 1).equals(known.frame("side_work")))
                .findFirst().orElseThrow(() -> new AssertionError("no stack of the side thread: " + profile));
        assertThat(side.get(0)).startsWith("_bootstrap (threading.py:");
        assertThat(attributed(side)).isFalse();
    }

    /**
     * uvloop's loop (Debian's python3-uvloop for its CPython 3.11): its tasks are asyncio's, its loop is not, and its
     * thread is found from the thread's side. Its event loop runs in C, so the stacks have no loop frames at all.
     */
    @Test
    void uvloopsTasksAreAttributedAsAsyncios() throws Exception {
        Known known = start(Interpreters.debian("3.11"), "uvloop");

        RawProfile profile = record(known, "--idle");

        assertShares(profile, known);
        assertThat(profile.count(stack -> stack.contains(known.frame("spin")) && !attributed(stack)))
                .as("computing stacks outside any task: %s", profile).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void withoutPausingTheSharesHoldAndNoStackIsMisattributed(Path python) throws Exception {
        Known known = start(python);

        RawProfile profile = record(known, "--nonblocking");

        assertShares(profile, known);
        // A torn read is left out and counted, never shown: every stack computing is under its task and its awaiter.
        assertThat(profile.count(stack -> stack.contains(known.frame("spin"))
                && !(stack.get(0).equals(known.label("main")) && stack.get(1).equals(known.frame("main"))
                && (stack.get(2).equals(known.label("heavy")) || stack.get(2).equals(known.label("light"))))))
                .as(profile.toString()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void allModeShowsEachPendingTasksAwaitChainUnderItsOwnTask(Path python) throws Exception {
        Known known = start(python);

        RawProfile profile = record(known, "--async-mode", "all");

        List<String> child = List.of(known.label("parent"), known.frame("parent"), known.label("child"),
                known.frame("sleeper"), known.frame("nap"));
        List<String> parent = List.of(known.label("parent"), known.frame("parent"));
        List<String> main = List.of(known.label("main"), known.frame("main"));
        long childSamples = profile.stacks().getOrDefault(child, 0L);
        assertThat(childSamples).as(profile.toString()).isGreaterThan(20);
        // One stack of each pending task at every sample; "main" is pending throughout, gathering the two.
        assertThat(profile.stacks()).as(profile.toString()).containsEntry(parent, childSamples);
        assertThat(profile.stacks()).as(profile.toString()).containsEntry(main, childSamples);
        assertThat(profile.count(stack -> stack.size() == 6 && stack.get(2).equals(known.label("heavy"))
                && stack.get(5).equals(known.frame("spin")))).as(profile.toString()).isPositive();
        // The task not running at a sample waits for its turn in its own stack, under the task gathering it.
        assertThat(profile.count(stack -> stack.size() > 4 && stack.get(0).equals(known.label("main"))
                && stack.get(2).equals(known.label("light")) && stack.get(3).startsWith("worker (" + FILE + ":")
                && !stack.contains(known.frame("spin")))).as(profile.toString()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void otherInterpretersRefuseTheOptionInOneLine(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("nested.py"));

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "--async-aware", "-f",
                "raw", "-o", "refused.txt", "-d", "2");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("pyspy4j record: "))).as(result.describe())
                .containsExactly("pyspy4j record: --async-aware: the asyncio tasks of Python "
                        + Interpreters.versionOf(python) + (Interpreters.freeThreaded(python) ? " (free-threaded)" : "")
                        + " in process " + target.pid() + " cannot be read (CPython 3.7-3.15; of the free-threaded builds, 3.13t);"
                        + " leave out --async-aware; try 'pyspy4j record --help'");
        assertThat(work.resolve("refused.txt")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void topShowsTheTasksAndTheFunctionsTheyRun(Path python) throws Exception {
        Known known = start(python);
        String last = TopSnapshotIT.lastSnapshot(work, known.target().pid(), "--async-aware", "--delay", "1");
        Map<String, TopScreenText.Row> rows = new HashMap<>();
        TopScreenText.rows(last).forEach(row -> rows.put(row.label(), row));
        assertThat(rows).as(last).containsKeys("task main", "task heavy", "task light", "worker (" + FILE + ")",
                "crunch (" + FILE + ")", "spin (" + FILE + ")");
        // Since the start: the last refresh alone holds too few samples on a loaded machine.
        assertThat(rows.get("task main").totalSeconds()).as(last)
                .isGreaterThan(rows.get("task heavy").totalSeconds());
        assertThat(rows.get("task heavy").totalSeconds()).as(last)
                .isGreaterThan(rows.get("task light").totalSeconds());
        assertThat(rows.get("spin (" + FILE + ")").ownPercent()).as(last).isGreaterThan(90);
    }

    private Known start(Path python, String... loop) throws Exception {
        Path script = Interpreters.script(SCRIPT);
        Path labels = work.resolve("labels.txt");
        List<String> args = new ArrayList<>(List.of(labels.toString()));
        args.addAll(List.of(loop));
        Process target = targets.startPython(python, script, args.toArray(String[]::new));
        Map<String, String> byName = new HashMap<>();
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            String[] parts = line.split("=", 2);
            byName.put(parts[0], parts[1]);
        }
        return new Known(target, ScriptMarkers.of(script), byName);
    }

    private RawProfile record(Known known, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("-p", Long.toString(known.target().pid()), "--async-aware",
                "-f", "raw", "-o", "tasks.txt", "-d", "8", "-r", RATE));
        args.addAll(List.of(options));
        Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return RawProfile.read(work.resolve("tasks.txt"));
    }

    private static void assertShares(RawProfile profile, Known known) {
        long heavy = profile.count(stack -> stack.contains(known.label("heavy")));
        long light = profile.count(stack -> stack.contains(known.label("light")));
        // 2000 asked; a machine loaded five times over its cores gives a fifth of them.
        assertThat(heavy + light).as(profile.toString()).isGreaterThan(250);
        assertThat((double) heavy / (heavy + light)).as("heavy %d, light %d: %s", heavy, light, profile)
                .isCloseTo(HEAVY_SHARE, within(TOLERANCE));
    }

    private static boolean attributed(List<String> stack) {
        return stack.stream().anyMatch(frame -> frame.startsWith("task "));
    }

    /** The running program, its marked lines and the label of each task's pseudo-frame. */
    private record Known(Process target, ScriptMarkers markers, Map<String, String> labels) {
        String label(String task) {
            return labels.get(task);
        }

        /** The raw label of the frame marked {@code name}: {@code name (asyncio_split.py:line)}. */
        String frame(String name) {
            return name + " (" + FILE + ":" + markers.line(name) + ")";
        }
    }
}
