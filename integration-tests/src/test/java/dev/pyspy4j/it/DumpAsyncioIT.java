// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump --asyncio} of a program whose tasks have a known shape (scripts/asyncio_shapes.py): a task awaiting
 * coroutines three deep, a task awaiting it, a {@code gather} of five named tasks, a task blocked on a queue, a
 * {@code TaskGroup} of two (3.11+), a finished task and the running task spinning in a coroutine it awaits. Every task's state,
 * coroutine stack (functions, files, lines) and awaited tasks are asserted exactly, in JSON and in text, on every
 * interpreter whose tasks pyspy4j reads (3.7-3.13 and the free-threaded 3.13t from the registries of
 * {@code asyncio.tasks}, 3.14+ through the asyncio debug offsets); the others (2.7, 3.6, free-threaded 3.14+) must
 * say that they are not supported, and still show the thread stacks.
 */
@EnabledOnOs(OS.LINUX)
class DumpAsyncioIT {
    private static final String SCRIPT = "asyncio_shapes.py";
    /** The key of tasks without a coroutine stack (done) in {@link #byOutermostFunction}. */
    private static final String NO_STACK = "<no stack>";
    private static final List<String> WORKERS = List.of("worker-0", "worker-1", "worker-2", "worker-3", "worker-4");

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    static List<Path> supported() throws Exception {
        List<Path> result = new ArrayList<>();
        for (Path python : Interpreters.withAsyncio()) {
            PythonRelease release = PythonRelease.of(python);
            // Of the free-threaded builds, 3.13t (the registries); 3.14t's per-thread lists are not read yet.
            if (release.atLeast(3, 7) && !(Interpreters.freeThreaded(python) && release.atLeast(3, 14))) {
                result.add(python);
            }
        }
        return result;
    }

    static List<Path> unsupported() throws Exception {
        List<Path> result = new ArrayList<>(Interpreters.all());
        result.removeAll(supported());
        return result;
    }

    /**
     * A loop whose thread's ident is not in its instance dict (as with uvloop's loops, which keep it in a C field) is
     * placed in its thread all the same, from the running loop the thread's state names.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void aLoopWithoutAThreadIdentInItsDictIsPlacedInItsThread(Path python, @TempDir Path work) throws Exception {
        Pyspy4jJar.Result result = dumpSplit(python, work, "hidden-thread-id");

        JsonNode root = new ObjectMapper().readTree(result.out());
        JsonNode mainThread = null;
        for (JsonNode thread : root.get("threads")) {
            if (thread.get("thread_name").asText().equals("MainThread")) {
                mainThread = thread;
            }
        }
        assertThat(mainThread).as(result.out()).isNotNull();
        JsonNode loops = root.at("/asyncio/loops");
        assertThat(loops).as(result.out()).hasSize(1);
        assertThat(loops.get(0).get("thread_id").asLong()).as(result.out())
                .isEqualTo(mainThread.get("thread_id").asLong());
    }

    /**
     * Tasks of a class the program derives from asyncio's Task (a task factory's) are read as tasks, also where they
     * are awaited: nothing is skipped, and the gather and the awaited task name them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void tasksOfATaskSubclassAreTasks(Path python, @TempDir Path work) throws Exception {
        Pyspy4jJar.Result result = dumpSplit(python, work, "task-subclass");

        JsonNode asyncio = new ObjectMapper().readTree(result.out()).get("asyncio");
        assertThat(asyncio.get("skipped").asLong()).as(result.out()).isZero();
        JsonNode tasks = asyncio.at("/loops/0/tasks");
        assertThat(tasks).as(result.out()).hasSize(5);
        Map<String, JsonNode> byOutermost = new HashMap<>();
        tasks.forEach(task -> byOutermost.put(task.at("/coroutine_stack/0/name").asText(), task));
        JsonNode main = byOutermost.get("main");
        assertThat(main.at("/awaits/kind").asText()).as(result.out()).isEqualTo("gather");
        assertThat(main.at("/awaits/tasks")).as(result.out()).hasSize(2);
        JsonNode parent = byOutermost.get("parent");
        assertThat(parent.at("/awaits/kind").asText()).as(result.out()).isEqualTo("task");
        assertThat(parent.at("/awaits/id").asLong()).isEqualTo(byOutermost.get("sleeper").get("id").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void jsonShowsEveryTaskItsStackAndWhatItAwaits(Path python) throws Exception {
        Path script = Interpreters.script(SCRIPT);
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);
        boolean names = PythonRelease.of(python).atLeast(3, 8);
        boolean taskGroup = PythonRelease.of(python).atLeast(3, 11);

        Pyspy4jJar.Result result = DumpCli.dump(target, "--asyncio", "--json");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode root = new ObjectMapper().readTree(result.out());
        JsonNode mainThread = root.get("threads").get(0);
        assertThat(mainThread.get("frames").get(0).get("name").asText()).isEqualTo("spin");
        JsonNode asyncio = root.get("asyncio");
        assertThat(asyncio.get("unavailable").isNull()).as(result.out()).isTrue();
        assertThat(asyncio.get("skipped").asLong()).isZero();
        assertThat(asyncio.get("loops")).hasSize(1);
        JsonNode loop = asyncio.get("loops").get(0);
        assertThat(loop.get("thread_id").asLong()).isEqualTo(mainThread.get("thread_id").asLong());
        Map<String, JsonNode> tasks = byOutermostFunction(loop.get("tasks"));
        // Up to 3.13 a finished task stays registered while referenced; from 3.14 it leaves its thread's list.
        boolean doneShown = !PythonRelease.of(python).atLeast(3, 14);
        assertThat(loop.get("tasks")).hasSize((taskGroup ? 13 : 10) + (doneShown ? 1 : 0));
        if (doneShown) {
            JsonNode finished = single(tasks, NO_STACK);
            assertTask(finished, names ? "finished" : null, "done", markers);
            assertThat(finished.get("awaits").isNull()).isTrue();
        } else {
            assertThat(tasks).doesNotContainKey(NO_STACK);
        }

        JsonNode main = single(tasks, "main");
        assertTask(main, names ? "Task-1" : null, "running", markers, "main", "spinner", "spin");
        assertThat(main.get("awaits").isNull()).isTrue();

        JsonNode nested = single(tasks, "outer");
        assertTask(nested, names ? "nested" : null, "pending", markers, "outer", "middle", "leaf", "wait@locks.py");
        assertAwaits(nested, "future");
        JsonNode waiter = single(tasks, "waiter");
        assertTask(waiter, names ? "waiter" : null, "pending", markers, "waiter");
        assertAwaits(waiter, "task", nested);
        assertThat(waiter.get("awaits").get("id").asLong()).isEqualTo(nested.get("id").asLong());
        assertThat(ids(nested.get("awaited_by"))).containsExactly(waiter.get("id").asLong());

        JsonNode consumer = single(tasks, "consumer");
        assertTask(consumer, names ? "consumer" : null, "pending", markers, "consumer", "get@queues.py");
        assertAwaits(consumer, "future");

        JsonNode gatherer = single(tasks, "gatherer");
        assertTask(gatherer, names ? "gatherer" : null, "pending", markers, "gatherer");
        List<JsonNode> workers = tasks.get("worker") == null ? List.of() : list(tasks.get("worker"));
        assertThat(workers).hasSize(5);
        assertAwaits(gatherer, "gather", workers.toArray(new JsonNode[0]));
        List<String> workerNames = new ArrayList<>();
        for (JsonNode worker : workers) {
            assertTask(worker, worker.get("name").isNull() ? null : worker.get("name").asText(), "pending", markers,
                    "worker", "wait@locks.py");
            assertAwaits(worker, "future");
            assertThat(ids(worker.get("awaited_by"))).containsExactly(gatherer.get("id").asLong());
            workerNames.add(worker.get("name").asText());
        }
        if (names) {
            assertThat(workerNames).containsExactlyInAnyOrderElementsOf(WORKERS);
        }

        if (taskGroup) {
            JsonNode grouped = single(tasks, "grouped");
            // From 3.14 (and 3.13.4) TaskGroup.__aexit__ awaits TaskGroup._aexit.
            if (taskGroupExitsInTwoSteps(python)) {
                assertTask(grouped, "grouped", "pending", markers, "grouped", "__aexit__@taskgroups.py",
                        "_aexit@taskgroups.py");
            } else {
                assertTask(grouped, "grouped", "pending", markers, "grouped", "__aexit__@taskgroups.py");
            }
            List<JsonNode> children = list(tasks.get("group_child"));
            assertAwaits(grouped, "TaskGroup", children.toArray(new JsonNode[0]));
            List<String> childNames = new ArrayList<>();
            for (JsonNode child : children) {
                assertTask(child, child.get("name").asText(), "pending", markers, "group_child", "wait@locks.py");
                assertThat(ids(child.get("awaited_by"))).containsExactly(grouped.get("id").asLong());
                childNames.add(child.get("name").asText());
            }
            assertThat(childNames).containsExactlyInAnyOrder("group-child-1", "group-child-2");
        } else {
            assertThat(tasks).doesNotContainKeys("grouped", "group_child");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void textShowsTheTaskTreeAfterTheThreads(Path python) throws Exception {
        Path script = Interpreters.script(SCRIPT);
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);
        boolean names = PythonRelease.of(python).atLeast(3, 8);
        JsonNode loop = new ObjectMapper().readTree(DumpCli.dump(target, "--asyncio", "--json").out())
                .get("asyncio").get("loops").get(0);
        Map<String, JsonNode> tasks = byOutermostFunction(loop.get("tasks"));

        Pyspy4jJar.Result result = DumpCli.dump(target, "--asyncio");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<String> lines = List.of(result.out().split("\n"));
        String state = Interpreters.freeThreaded(python) ? "active" : "active+gil";
        int threads = lines.indexOf("Thread " + target.pid() + " (" + state + "): \"MainThread\"");
        int loopLine = lines.indexOf("Event loop " + hex(loop.get("id")) + " in Thread " + target.pid() + ": "
                + loop.get("tasks").size() + " tasks");
        assertThat(threads).as(result.out()).isNotNegative();
        assertThat(loopLine).as(result.out()).isGreaterThan(threads);
        JsonNode waiter = single(tasks, "waiter");
        JsonNode nested = single(tasks, "outer");
        String script_ = SCRIPT + ":";
        assertThat(result.out()).contains(String.join("\n",
                "  Task " + hex(waiter.get("id")) + (names ? " \"waiter\"" : "") + " (pending) awaits task "
                        + hex(nested.get("id")),
                "      waiter (" + script_ + markers.line("waiter") + ")",
                "    Task " + hex(nested.get("id")) + (names ? " \"nested\"" : "") + " (pending) awaits a future "
                        + hex(nested.get("awaits").get("id")),
                "        outer (" + script_ + markers.line("outer") + ")",
                "        middle (" + script_ + markers.line("middle") + ")",
                "        leaf (" + script_ + markers.line("leaf") + ")",
                "        wait (asyncio/locks.py:" + nested.get("coroutine_stack").get(3).get("line").asInt() + ")"));
        JsonNode main = single(tasks, "main");
        assertThat(lines.get(loopLine + 1)).isEqualTo("  Task " + hex(main.get("id"))
                + (names ? " \"Task-1\"" : "") + " (running)");
        assertThat(lines.subList(loopLine + 2, loopLine + 5)).containsExactly(
                "      main (" + script_ + markers.line("main") + ")",
                "      spinner (" + script_ + markers.line("spinner") + ")",
                "      spin (" + script_ + markers.line("spin") + ")");
        JsonNode gatherer = single(tasks, "gatherer");
        int gatherLine = lines.indexOf("  Task " + hex(gatherer.get("id")) + (names ? " \"gatherer\"" : "")
                + " (pending) awaits gather " + hex(gatherer.get("awaits").get("id")) + " of 5 tasks");
        assertThat(gatherLine).as(result.out()).isPositive();
        for (int i = 0; i < 5; i++) {
            assertThat(lines.get(gatherLine + 2 + 3 * i)).startsWith("    Task ").contains("(pending) awaits a future");
            assertThat(lines.get(gatherLine + 3 + 3 * i)).isEqualTo("        worker (" + script_
                    + markers.line("worker") + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void localsOfCoroutineFrames(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script(SCRIPT));

        Pyspy4jJar.Result result = DumpCli.dump(target, "--asyncio", "--json", "--locals");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode loop = new ObjectMapper().readTree(result.out()).get("asyncio").get("loops").get(0);
        JsonNode leaf = single(byOutermostFunction(loop.get("tasks")), "outer").get("coroutine_stack").get(2);
        assertThat(leaf.get("name").asText()).isEqualTo("leaf");
        JsonNode event = leaf.get("locals").get(0);
        assertThat(event.get("name").asText()).isEqualTo("event");
        assertThat(event.get("arg").asBoolean()).isTrue();
        assertThat(event.get("repr").asText()).contains("Event");
    }

    /** Without pausing, the blocked tasks are read just the same: none of them changes while the loop spins. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void nonblockingReadsTheSameTasks(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script(SCRIPT));

        Pyspy4jJar.Result paused = DumpCli.dump(target, "--asyncio", "--json");
        Pyspy4jJar.Result running = DumpCli.dump(target, "--asyncio", "--json", "--nonblocking");

        assertThat(running.exitCode()).as(running.describe()).isZero();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(running.out()).get("asyncio"))
                .isEqualTo(json.readTree(paused.out()).get("asyncio"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void otherVersionsSaySoAndStillShowTheThreads(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("nested.py"));

        Pyspy4jJar.Result result = DumpCli.dump(target, "--asyncio");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).contains("    level_three (nested.py:");
        PythonRelease release = PythonRelease.of(python);
        String version = release.major() + "." + release.minor();
        assertThat(result.out()).endsWith("\n\nAsyncio: dump --asyncio is not supported for "
                + (Interpreters.freeThreaded(python) ? "free-threaded " : "") + "CPython " + version + " yet\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void aProgramWithoutAsyncioSaysSo(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("nested.py"));

        Pyspy4jJar.Result text = DumpCli.dump(target, "--asyncio");
        Pyspy4jJar.Result json = DumpCli.dump(target, "--asyncio", "--json");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.out()).contains("    level_three (nested.py:")
                .endsWith("\n\nAsyncio: asyncio is not imported: the program has no asyncio tasks\n");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        JsonNode asyncio = new ObjectMapper().readTree(json.out()).get("asyncio");
        assertThat(asyncio.get("unavailable").asText()).isEqualTo(
                "asyncio is not imported: the program has no asyncio tasks");
        assertThat(asyncio.get("loops")).isEmpty();
    }

    /** {@code dump --asyncio --json} of {@code asyncio_split.py} run with event loop {@code loop}; checked to succeed. */
    private Pyspy4jJar.Result dumpSplit(Path python, Path work, String loop) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("asyncio_split.py"),
                work.resolve("labels.txt").toString(), loop);
        Pyspy4jJar.Result result = DumpCli.dump(target, "--asyncio", "--json");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    /** Whether the interpreter's {@code TaskGroup.__aexit__} awaits a {@code _aexit} of its own. */
    private static boolean taskGroupExitsInTwoSteps(Path python) throws IOException, InterruptedException {
        Process asked = new ProcessBuilder(python.toString(), "-c",
                "import asyncio; print(hasattr(asyncio.TaskGroup, '_aexit'))").redirectErrorStream(true).start();
        String answer = new String(asked.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(asked.waitFor()).as(answer).isZero();
        return Boolean.parseBoolean(answer.toLowerCase(Locale.ROOT));
    }

    private static void assertTask(JsonNode task, String name, String state, ScriptMarkers markers,
                                   String... stack) {
        String described = task.toPrettyString();
        if (name == null) {
            assertThat(task.get("name").isNull()).as(described).isTrue();
        } else {
            assertThat(task.get("name").asText()).as(described).isEqualTo(name);
        }
        assertThat(task.get("state").asText()).as(described).isEqualTo(state);
        JsonNode frames = task.get("coroutine_stack");
        assertThat(frames).as(described).hasSize(stack.length);
        for (int i = 0; i < stack.length; i++) {
            JsonNode frame = frames.get(i);
            String[] function = stack[i].split("@");
            assertThat(frame.get("name").asText()).as(described).isEqualTo(function[0]);
            if (function.length == 1) {
                assertThat(frame.get("short_filename").asText()).as(described).isEqualTo(SCRIPT);
                assertThat(frame.get("line").asInt()).as(described).isEqualTo(markers.line(function[0]));
            } else {
                assertThat(frame.get("short_filename").asText()).as(described).isEqualTo("asyncio/" + function[1]);
                assertThat(frame.get("line").asInt()).as(described).isPositive();
            }
        }
    }

    private static void assertAwaits(JsonNode task, String kind, JsonNode... awaited) {
        JsonNode awaits = task.get("awaits");
        assertThat(awaits.get("kind").asText()).as(task.toPrettyString()).isEqualTo(kind);
        List<Long> expected = new ArrayList<>();
        for (JsonNode other : awaited) {
            expected.add(other.get("id").asLong());
        }
        assertThat(ids(awaits.get("tasks"))).as(task.toPrettyString()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Tasks by the function of their outermost coroutine, which names them on 3.7 too (no task names there). */
    private static Map<String, JsonNode> byOutermostFunction(JsonNode tasks) {
        Map<String, JsonNode> result = new HashMap<>();
        for (JsonNode task : tasks) {
            JsonNode stack = task.get("coroutine_stack");
            String function = stack.isEmpty() ? NO_STACK : stack.get(0).get("name").asText();
            JsonNode group = result.computeIfAbsent(function, key -> new ObjectMapper().createArrayNode());
            ((com.fasterxml.jackson.databind.node.ArrayNode) group).add(task);
        }
        return result;
    }

    private static JsonNode single(Map<String, JsonNode> tasks, String function) {
        JsonNode group = tasks.get(function);
        assertThat(group).as("tasks whose outermost coroutine is " + function + ": " + tasks.keySet()).isNotNull();
        assertThat(group).hasSize(1);
        return group.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        array.forEach(result::add);
        return result;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> result = new ArrayList<>();
        array.forEach(id -> result.add(id.asLong()));
        return result;
    }

    private static String hex(JsonNode id) {
        return "0x" + Long.toHexString(id.asLong());
    }
}
