// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --subprocesses} against real process trees ({@code tree_parent.py}), on every interpreter: children started
 * by {@code subprocess}, by {@code multiprocessing}, through a shell and as {@code python -c} with a script of several
 * lines, children that come and go during a run, and a tree of different Python versions; for {@code record},
 * {@code dump} and {@code top}. Every tree runs in a process group of its own, killed whole after each test. Run
 * alone, one test at a time: a tree is six processes, and pausing one waits until each of its threads gets a CPU,
 * so trees of tests running side by side on 2 cores (measured: load average 60) slow sampling to a few reads a
 * second and even the JVM's start to tens of seconds.
 */
@EnabledOnOs(OS.LINUX)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class SubprocessesIT {
    /** How much of an escaped command line a process frame shows. */
    private static final int LONGEST_COMMAND_LINE = 240;
    /** A line of the collapsed (raw) format: frames, a space, a count. */
    private static final Pattern RAW_LINE = Pattern.compile("^.+ \\d+$");
    private static final Pattern PROCESS_FRAME = Pattern.compile("process (\\d+):\"(.*)\"");
    /** A line of the per-process summary of {@code record --subprocesses}. */
    private static final Pattern SUMMARY_LINE = Pattern.compile(
            "pyspy4j>   (\\d+) \"(.*)\": (\\d+) stacks, (\\d+) errors, read (\\d+\\.\\d) times/s for (\\d+\\.\\d) s");
    /** The busy functions of the "all" tree, each in a process of its own. */
    private static final List<String> BUSY = List.of("popen_child", "mp_child", "shell_grandchild", "dash_c_child");
    private static final String DUMP_SEPARATOR = "\n" + "-".repeat(79) + "\n";
    private static final long TOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(90);

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    static List<Path> topPythons() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    /**
     * Four busy children, started four ways: with {@code -s} each one's stacks grow from its own process frame,
     * under its ancestors' (through the shell, which is not Python and is not read), the {@code python -c} child's
     * command line escaped so that every line stays {@code frames count}; without {@code -s} only the parent is there.
     */
    @ParameterizedTest
    @MethodSource("pythons")
    void everyPythonProcessOfTheTreeIsRecordedUnderItsParentsWithSubprocessesOnly(Path python) throws Exception {
        Tree tree = startTree(python, "all");
        Map<String, Long> busy = tree.busyPids();
        long shell = parentOf(busy.get("shell_grandchild"));
        String pid = Long.toString(tree.pid());

        // --idle: every read of a child counts, whether it computes or sleeps at that moment.
        Pyspy4jJar.Result result = RecordRun.run(work, "-p", pid, "-s", "-f", "raw", "-o", "tree.txt", "-d", "3",
                "--idle");
        Pyspy4jJar.Result alone = RecordRun.run(work, "-p", pid, "-f", "raw", "-o", "alone.txt", "-d", "1",
                "--idle");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<String> lines = Files.readAllLines(work.resolve("tree.txt"), StandardCharsets.UTF_8);
        assertThat(lines).as(result.describe()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches(RAW_LINE).doesNotContain(";;").doesNotStartWith(";"));
        RawProfile profile = RawProfile.read(work.resolve("tree.txt"));
        for (String function : BUSY) {
            long child = busy.get(function);
            List<Long> ancestry = ancestry(child, tree.pid());
            Map<List<String>, Long> stacks = stacksWith(profile, function);
            assertThat(stacks.values().stream().mapToLong(Long::longValue).sum()).as("%s in%n%s", function, profile)
                    .isPositive();
            assertThat(stacks.keySet()).as("the process frames of %s's stacks", function)
                    .allSatisfy(stack -> assertThat(processPids(stack)).isEqualTo(ancestry));
        }
        // The process frames, command lines included: the shell's and the "python -c" one's hold quotes, semicolons,
        // tabs, line breaks and a backslash, which would split a line or a frame unless escaped.
        assertThat(stacksWith(profile, "shell_grandchild").keySet()).allSatisfy(stack -> assertThat(
                stack.subList(0, 3)).containsExactly(processFrame(tree.pid()), processFrame(shell),
                processFrame(busy.get("shell_grandchild"))));
        String dashC = processFrame(busy.get("dash_c_child"));
        assertThat(dashC).contains("\\n\\topen(", "\\x3b", "\\\"", "# \\\\\\n").doesNotContain("...");
        assertThat(stacksWith(profile, "dash_c_child").keySet()).allSatisfy(stack -> assertThat(stack.subList(0, 3))
                .containsExactly(processFrame(tree.pid()), dashC, "<module> (<string>:5)"));
        assertThat(stacksWith(profile, "popen_child").keySet()).allSatisfy(stack -> assertThat(stack.get(1))
                .isEqualTo(processFrame(busy.get("popen_child"))));
        assertThat(stacksWith(profile, "parent_waits").keySet()).as(profile.toString()).isNotEmpty()
                .allSatisfy(stack -> assertThat(processPids(stack)).containsExactly(tree.pid()));

        // The summary: one line per Python process read (the shell is not), its samples those of the profile.
        Map<Long, Long> summary = summary(result.err());
        assertThat(result.err()).contains("pyspy4j> Processes read: " + summary.size() + "\n");
        assertThat(summary).as(result.err()).containsKeys(tree.pid()).containsKeys(busy.values().toArray(Long[]::new))
                .doesNotContainKey(shell);
        summary.forEach((process, samples) -> assertThat(samples).as("samples of %d in %s", process, result.err())
                .isEqualTo(profile.count(stack -> innermostProcess(stack) == process)));
        assertThat(busy.values()).allSatisfy(child -> assertThat(summary.get(child)).isPositive());

        assertThat(alone.exitCode()).as(alone.describe()).isZero();
        RawProfile parentOnly = RawProfile.read(work.resolve("alone.txt"));
        assertThat(parentOnly.withFunction("parent_waits")).as(parentOnly.toString()).isPositive();
        assertThat(parentOnly.labels()).as("without -s").noneMatch(label -> label.startsWith("process "));
        assertThat(BUSY).allSatisfy(function -> assertThat(parentOnly.withFunction(function)).isZero());
        assertThat(parentOnly.withFunction("spin")).isZero();
        assertThat(alone.err()).doesNotContain("Processes read");
        assertNothingLeftStopped(tree);
    }

    /**
     * A child that exits during the run and one that starts during it are both recorded; the run ends normally, and
     * the summary gives each process its samples.
     */
    @ParameterizedTest
    @MethodSource("pythons")
    void childrenThatComeAndGoDuringTheRunAreRecorded(Path python) throws Exception {
        Tree tree = startTree(python, "sequence");

        Pyspy4jJar.Result result;
        long first;
        long second;
        String firstFrame;
        String secondFrame;
        try (RecordRun run = RecordRun.start(work, "", "-p", Long.toString(tree.pid()), "-s", "-f", "raw", "-o",
                "sequence.txt", "-d", "600", "--idle")) {
            run.awaitErr("Press Control-C to exit.");
            Files.createFile(tree.markers().resolve("go"));
            first = tree.pidOf("first_child");
            firstFrame = processFrame(first);
            // Long enough to be found (every 100 ms) and opened (10 to 350 ms), on a busy machine too.
            Thread.sleep(1_500);
            Files.createFile(tree.markers().resolve("first_child.stop"));
            second = tree.pidOf("second_child");
            secondFrame = processFrame(second);
            Thread.sleep(1_500);
            run.signal("INT");
            result = run.finish();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).as("first child exited").isEmpty();
        assertThat(result.err()).as(result.describe()).contains(
                "pyspy4j> Stopped sampling because Control-C pressed\n",
                "pyspy4j> Wrote raw flamegraph data to 'sequence.txt'. Samples: ", ", errors: 0\n",
                "pyspy4j> Processes read: 3\n");
        RawProfile profile = RawProfile.read(work.resolve("sequence.txt"));
        for (Map.Entry<String, String> child : Map.of("first_child", firstFrame, "second_child", secondFrame)
                .entrySet()) {
            Map<List<String>, Long> stacks = stacksWith(profile, child.getKey());
            assertThat(stacks.values().stream().mapToLong(Long::longValue).sum()).as("%s in%n%s", child.getKey(),
                    profile).isPositive();
            assertThat(child.getValue()).endsWith("/tree_child.py " + child.getKey() + "\"");
            assertThat(stacks.keySet()).allSatisfy(stack -> assertThat(stack.subList(0, 2))
                    .containsExactly(processFrame(tree.pid()), child.getValue()));
        }
        Map<Long, Long> summary = summary(result.err());
        assertThat(summary.keySet()).as(result.err()).containsExactlyInAnyOrder(tree.pid(), first, second);
        assertThat(summary.get(first)).isPositive().isEqualTo(profile.count(stack -> innermostProcess(stack) == first));
        assertThat(summary.get(second)).isPositive()
                .isEqualTo(profile.count(stack -> innermostProcess(stack) == second));
        assertThat(summaryErrors(result.err())).as(result.err()).allSatisfy(errors -> assertThat(errors).isZero());
        assertNothingLeftStopped(tree);
    }

    /** A 3.12 parent with a 2.7 and a 3.15 child: every interpreter of the tree is read as what it is. */
    @Test
    void aTreeOfDifferentPythonVersionsIsRecordedAndDumpedWhole() throws Exception {
        Path parentPython = Interpreters.pyenv("3.12");
        List<Path> childPythons = List.of(Interpreters.pyenv("2.7"), Interpreters.debianSid("3.15"));
        Tree tree = startTree(parentPython, "mixed", childPythons.get(0).toString(), childPythons.get(1).toString());
        List<Long> children = List.of(tree.pidOf("mixed_0"), tree.pidOf("mixed_1"));

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(tree.pid()), "-s", "-f", "raw", "-o",
                "mixed.txt", "-d", "2", "--idle");
        Pyspy4jJar.Result dump = DumpCli.dump(tree.root(), "-s");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("mixed.txt"));
        for (int i = 0; i < children.size(); i++) {
            long child = children.get(i);
            String frame = processFrame(child);
            assertThat(frame).startsWith("process " + child + ":\"" + childPythons.get(i) + " ")
                    .endsWith("/tree_child.py mixed_child mixed_" + i + "\"");
            String root = processFrame(tree.pid());
            long samples = profile.count(stack -> stack.size() > 2 && stack.get(0).equals(root)
                    && stack.get(1).equals(frame)
                    && stack.stream().anyMatch(label -> label.startsWith("mixed_child (")));
            assertThat(samples).as("%s in%n%s", frame, profile).isPositive();
        }
        assertThat(summary(result.err()).keySet()).as(result.err())
                .containsExactlyInAnyOrder(tree.pid(), children.get(0), children.get(1));

        assertThat(dump.exitCode()).as(dump.describe()).isZero();
        List<String> blocks = Arrays.asList(dump.out().split(DUMP_SEPARATOR, -1));
        assertThat(blocks).as(dump.out()).hasSize(3);
        assertThat(blocks.get(0)).startsWith("Process " + tree.pid() + ": ")
                .contains("\nPython v" + Interpreters.versionOf(parentPython) + " (");
        for (int i = 0; i < children.size(); i++) {
            assertThat(blocks.get(i + 1)).startsWith("Process " + children.get(i) + ": " + childPythons.get(i) + " ")
                    .contains("\nPython v" + Interpreters.versionOf(childPythons.get(i)) + " ("
                            + Interpreters.executableOf(childPythons.get(i)) + ")\n")
                    .contains("\nParent Process " + tree.pid() + ": ")
                    .containsPattern("\n    mixed_child \\(tree_child\\.py:\\d+\\)\n");
        }
    }

    /**
     * {@code dump -s} shows every process of the tree, parents first and siblings in pid order, each child with its
     * parent, the shell as not Python; {@code dump -s --json} gives every Python thread with its process and their
     * ancestors.
     */
    @ParameterizedTest
    @MethodSource("pythons")
    void dumpShowsEveryProcessOfTheTreeWithItsParent(Path python) throws Exception {
        Tree tree = startTree(python, "all");
        Map<String, Long> busy = tree.busyPids();
        long shell = parentOf(busy.get("shell_grandchild"));
        List<Long> order = depthFirst(tree.pid());

        Pyspy4jJar.Result text = DumpCli.dump(tree.root(), "-s");
        Pyspy4jJar.Result json = DumpCli.dump(tree.root(), "--subprocesses", "--json");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.err()).isEmpty();
        List<String> blocks = Arrays.asList(text.out().split(DUMP_SEPARATOR, -1));
        assertThat(blocks).as(text.out()).hasSize(order.size());
        String version = Interpreters.versionOf(python);
        String executable = Interpreters.executableOf(python);
        for (int i = 0; i < order.size(); i++) {
            long process = order.get(i);
            String block = blocks.get(i);
            assertThat(block).as(text.out()).startsWith("Process " + process + ": " + commandLine(process) + "\n");
            if (process == shell) {
                assertThat(block).contains("\nNot Python (" + Path.of("/bin/sh").toRealPath() + ")\n");
            } else {
                assertThat(block).contains("\nPython v" + version + " (" + executable + ")\n");
            }
            if (process != tree.pid()) {
                long parent = parentOf(process);
                assertThat(block).contains("\nParent Process " + parent + ": " + commandLine(parent) + "\n");
            } else {
                assertThat(block).doesNotContain("Parent Process");
            }
        }
        busy.forEach((function, process) -> assertThat(blocks.get(order.indexOf(process)))
                .containsPattern("\n    " + function + " \\((tree_child\\.py|tree_parent\\.py|<string>):\\d+\\)\n"));
        assertThat(blocks.get(0)).containsPattern("\n    parent_waits \\(tree_parent\\.py:\\d+\\)\n");

        assertThat(json.exitCode()).as(json.describe()).isZero();
        JsonNode traces = new ObjectMapper().readTree(json.out());
        Map<Long, List<JsonNode>> byPid = new TreeMap<>();
        traces.forEach(trace -> byPid.computeIfAbsent(trace.get("pid").asLong(), key -> new ArrayList<>()).add(trace));
        List<Long> pythonProcesses = order.stream().filter(process -> process != shell).sorted().toList();
        assertThat(byPid.keySet()).as(json.out()).containsExactlyElementsOf(pythonProcesses);
        for (Map.Entry<Long, List<JsonNode>> process : byPid.entrySet()) {
            List<Long> ancestry = ancestry(process.getKey(), tree.pid());
            assertThat(process.getValue()).allSatisfy(trace -> {
                List<Long> chain = new ArrayList<>();
                for (JsonNode info = trace.get("process_info"); !info.isNull(); info = info.get("parent")) {
                    chain.add(0, info.get("pid").asLong());
                    assertThat(info.get("command_line").asText()).isEqualTo(commandLine(info.get("pid").asLong()));
                }
                assertThat(chain).isEqualTo(ancestry);
            });
        }
        busy.forEach((function, process) -> assertThat(byPid.get(process)).anySatisfy(trace -> assertThat(
                trace.get("frames").findValuesAsText("name")).contains(function)));
    }

    /** {@code top -s}, standard output not a terminal: the header counts the processes, the table has them all. */
    @ParameterizedTest
    @MethodSource("topPythons")
    void topCountsTheProcessesAndShowsTheirFunctions(Path python) throws Exception {
        Tree tree = startTree(python, "all");
        Path out = work.resolve("top.out");
        Path err = work.resolve("top.err");
        // As TopSnapshotIT does: a JVM started with SIGINT ignored could not handle it.
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", Pyspy4jJar.java(), "-jar",
                Pyspy4jJar.path().toString(), "top", "-s", "--pid", Long.toString(tree.pid()), "--delay", "0.5")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("CLICOLOR_FORCE");
        Process top = builder.start();
        String last;
        try {
            // Until every process was opened and seen computing, however busy the machine, for long enough that a
            // sleeping parent counted as active would show a share like the children's.
            last = awaitSnapshot(top, out, snapshot -> BUSY.stream().allMatch(function ->
                    TopScreenText.row(snapshot, function).isPresent())
                    && TopScreenText.row(snapshot, "spin").map(TopScreenText.Row::ownSeconds).orElse(0.0) >= 1.0);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(top.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(top.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            top.destroyForcibly();
            top.waitFor(60, TimeUnit.SECONDS);
        }

        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(top.exitValue()).as(printed).isZero();
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
        List<String> lines = last.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Collecting samples from '" + commandLine(tree.pid()) + "' (python v"
                + Interpreters.shownVersion(python) + ", pid " + tree.pid() + ")");
        // The parent (sleeping), popen_child, mp_child, shell_grandchild and dash_c_child, one thread each; the shell
        // is not Python.
        assertThat(lines.get(2)).as(last).matches("GIL: " + Interpreters.gilSharePattern(python)
                + ", Active: [0-9.]+% \\([0-9.]+ threads running\\),"
                + " Threads: 5, Processes: 5");
        assertThat(TopScreenText.rows(last)).extracting(TopScreenText.Row::label).as(last).contains(
                "popen_child (tree_child.py)", "mp_child (tree_parent.py)", "shell_grandchild (tree_child.py)",
                "dash_c_child (<string>)", "spin (tree_child.py)");
        // The parent sleeps: at most a sample or two on its way into the sleep (on a loaded machine it can wait
        // runnable there), never a share of its own.
        double spinning = TopScreenText.row(last, "spin").orElseThrow().ownSeconds();
        assertThat(TopScreenText.row(last, "parent_waits").map(TopScreenText.Row::ownSeconds).orElse(0.0)).as(last)
                .isLessThan(spinning / 20);
        assertNothingLeftStopped(tree);
    }

    private Tree startTree(Path python, String... modeAndArguments) throws IOException, InterruptedException {
        Path markers = Files.createDirectories(work.resolve("markers"));
        List<String> arguments = new ArrayList<>(List.of(markers.toString()));
        arguments.addAll(List.of(modeAndArguments));
        Process root = targets.startPythonTree(python, Interpreters.script("tree_parent.py"),
                arguments.toArray(String[]::new));
        return new Tree(root, markers);
    }

    /** A running {@code tree_parent.py} and the directory where the processes of its tree leave their markers. */
    private record Tree(Process root, Path markers) {
        long pid() {
            return root.pid();
        }

        /** The pid that a process of the tree wrote to its marker once it began to compute. */
        long pidOf(String marker) throws IOException, InterruptedException {
            Path file = markers.resolve(marker);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(file)) {
                assertThat(root.isAlive()).as("the tree's root, while waiting for %s", marker).isTrue();
                assertThat(System.nanoTime()).as("waiting for marker %s", marker).isLessThan(deadline);
                Thread.sleep(10);
            }
            return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
        }

        /** The process of each busy function of the "all" tree. */
        Map<String, Long> busyPids() throws IOException, InterruptedException {
            Map<String, Long> pids = new LinkedHashMap<>();
            for (String function : List.of("popen_child", "mp_child", "shell_grandchild")) {
                pids.put(function, pidOf(function));
            }
            // The "python -c" child only creates its marker: its script is kept short (see tree_parent.py).
            List<Long> dashC = root.descendants().map(ProcessHandle::pid)
                    .filter(pid -> commandLine(pid).contains("dash_c_child()")).toList();
            assertThat(dashC).as("the python -c child").hasSize(1);
            pids.put("dash_c_child", dashC.get(0));
            return pids;
        }
    }

    /** The stacks with a frame of {@code function}. */
    private static Map<List<String>, Long> stacksWith(RawProfile profile, String function) {
        Map<List<String>, Long> stacks = new LinkedHashMap<>();
        profile.stacks().forEach((stack, count) -> {
            if (stack.stream().anyMatch(label -> label.startsWith(function + " ("))) {
                stacks.put(stack, count);
            }
        });
        return stacks;
    }

    /** The pids of the process frames at the root end of a stack, outermost first. */
    private static List<Long> processPids(List<String> stack) {
        List<Long> pids = new ArrayList<>();
        for (String label : stack) {
            Matcher frame = PROCESS_FRAME.matcher(label);
            if (!frame.matches()) {
                break;
            }
            pids.add(Long.parseLong(frame.group(1)));
        }
        return pids;
    }

    /** The process whose stack it is: the last of its process frames; 0 when it has none. */
    private static long innermostProcess(List<String> stack) {
        List<Long> pids = processPids(stack);
        return pids.isEmpty() ? 0 : pids.get(pids.size() - 1);
    }

    /**
     * The process frame {@code --subprocesses} gives a process: its command line, as {@code /proc} has it, escaped
     * as in a C string, with {@code ;} as {@code \x3b} (enough for the command lines of these tests, which have no
     * other control characters), and cut after {@value #LONGEST_COMMAND_LINE} characters with {@code ...}: how long
     * the command lines of these tests are depends on where the repository was cloned.
     */
    private static String processFrame(long pid) {
        String escaped = commandLine(pid).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\t", "\\t").replace(";", "\\x3b");
        String shown = escaped.length() > LONGEST_COMMAND_LINE
                ? escaped.substring(0, LONGEST_COMMAND_LINE) + "..." : escaped;
        return "process " + pid + ":\"" + shown + "\"";
    }

    /** The command line of a process, its arguments joined by spaces, as py-spy shows it. */
    private static String commandLine(long pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (IOException e) {
            throw new AssertionError("process " + pid + " is gone", e);
        }
        List<String> arguments = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        return String.join(" ", arguments);
    }

    private static long parentOf(long pid) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow(
                () -> new AssertionError("process " + pid + " or its parent is gone")).pid();
    }

    /** The pids from {@code root} down to {@code pid}. */
    private static List<Long> ancestry(long pid, long root) {
        List<Long> chain = new ArrayList<>(List.of(pid));
        for (long at = pid; at != root; ) {
            at = parentOf(at);
            assertThat(at).as("process %d descends from %d", pid, root).isGreaterThan(1);
            chain.add(at);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The process and its descendants, depth first, children in pid order. */
    private static List<Long> depthFirst(long pid) {
        List<Long> order = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).orElseThrow().children().map(ProcessHandle::pid).sorted()
                .forEach(child -> order.addAll(depthFirst(child)));
        return order;
    }

    /** The samples of each process in the summary of {@code record -s}, by pid, in the order shown. */
    private static Map<Long, Long> summary(String err) {
        Map<Long, Long> samples = new LinkedHashMap<>();
        Matcher line = SUMMARY_LINE.matcher(err);
        while (line.find()) {
            samples.put(Long.parseLong(line.group(1)), Long.parseLong(line.group(3)));
        }
        return samples;
    }

    private static List<Long> summaryErrors(String err) {
        List<Long> errors = new ArrayList<>();
        Matcher line = SUMMARY_LINE.matcher(err);
        while (line.find()) {
            errors.add(Long.parseLong(line.group(4)));
        }
        return errors;
    }

    /** No thread of the tree was left paused by a read. */
    private static void assertNothingLeftStopped(Tree tree) throws IOException {
        for (long pid : depthFirst(tree.pid())) {
            assertThat(ProcState.ofThreads(pid)).as("threads of process %d", pid).doesNotContain('t', 'T');
        }
    }

    /** The first complete snapshot (one followed by another) that is {@code wanted}, from its first line on. */
    private static String awaitSnapshot(Process top, Path out, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + TOP_TIMEOUT_NANOS;
        String header = "Collecting samples from";
        while (true) {
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            List<String> snapshots = Arrays.asList(printed.split("(?=" + header + ")", -1));
            for (String snapshot : snapshots.subList(0, Math.max(0, snapshots.size() - 1))) {
                if (snapshot.startsWith(header) && wanted.test(snapshot)) {
                    return snapshot;
                }
            }
            assertThat(top.isAlive()).as("top still running").isTrue();
            assertThat(System.nanoTime()).as("waiting for a snapshot showing %s; last one:%n%s", BUSY,
                    snapshots.get(snapshots.size() - 1)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
