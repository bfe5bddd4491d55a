// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target in a container, seen from the host: its own PID and mount namespaces ({@code unshare}), its interpreter
 * only on a tmpfs mounted inside them (the host's directory stays empty). The program knows itself as pid 1 and its
 * threads by that namespace's ids; {@code dump}, {@code record} and {@code top} find the binary through the target's
 * root, show the host's pid with the namespace's, and tell a spinning thread from a sleeping one by the host's thread
 * ids.
 */
@EnabledOnOs(OS.LINUX)
class ContainerTargetIT {
    private static final String PROGRAM = String.join("\n",
            "import sys",
            "import threading",
            "import time",
            "",
            "",
            "def spin():",
            "    while True:",
            "        pass",
            "",
            "",
            "def main():",
            "    threading.Thread(target=spin, name='spinner', daemon=True).start()",
            "    sys.stdout.write('ready\\n')",
            "    sys.stdout.flush()",
            "    time.sleep(600)",
            "",
            "",
            "main()",
            "");

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    private Path root;
    private long pid;

    @BeforeEach
    void startContainer() throws Exception {
        Path python = Interpreters.debian("3.11");
        Interpreters.requireInstalled(python);
        root = Files.createDirectories(work.resolve("root"));
        // Inside the namespaces: a tmpfs over the (empty) directory, the interpreter and the program copied onto it.
        String inside = String.join(" && ",
                "mount -t tmpfs tmpfs \"$1\"",
                "mkdir \"$1/bin\"",
                "cp \"$2\" \"$1/bin/python3\"",
                "printf '%s' \"$3\" > \"$1/app.py\"",
                "exec \"$1/bin/python3\" \"$1/app.py\"");
        Process unshare = targets.startUntilReady(new ProcessBuilder("unshare", "--pid", "--mount", "--fork",
                "--mount-proc", "--kill-child", "sh", "-c", inside, "sh", root.toString(), python.toString(),
                PROGRAM));
        pid = unshare.children().findFirst().orElseThrow().pid();
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "status")))
                .as("the program is pid 1 in its namespace").containsPattern("NSpid:\\s+" + pid + "\\s+1\\n");
        try (Stream<Path> onTheHost = Files.list(root)) {
            assertThat(onTheHost).as("the interpreter exists only inside the namespaces").isEmpty();
        }
    }

    @AfterEach
    void killContainer() throws InterruptedException {
        targets.killAll();
    }

    @Test
    void dumpShowsBothPidsAndTheHostsThreadIdsWithTheirActivity() throws Exception {
        String dump = dumpWithTheSpinnerActive();

        assertThat(dump).startsWith("Process " + pid + " (pid 1 in its namespace): " + root + "/bin/python3 " + root
                + "/app.py\nPython v" + Interpreters.versionOf(Interpreters.debian("3.11")) + " (" + root
                + "/bin/python3)\n");
        assertThat(dump).contains("Thread " + pid + " (idle): \"MainThread\"\n    main (app.py:15)\n"
                + "    <module> (app.py:18)\n");
        Set<Long> shown = new TreeSet<>();
        Matcher thread = Pattern.compile("(?m)^Thread (\\d+) ").matcher(dump);
        while (thread.find()) {
            shown.add(Long.parseLong(thread.group(1)));
        }
        assertThat(shown).as(dump).isEqualTo(hostThreadIds());
    }

    @Test
    void recordAndTopSeeTheSpinnerRunAndTheMainThreadSleep() throws Exception {
        Path output = work.resolve("profile.txt");
        Pyspy4jJar.Result record = RecordRun.run(work, "-d", "2", "-r", "50", "-f", "raw", "-o", output.toString(),
                "--pid", Long.toString(pid));

        assertThat(record.exitCode()).as(record.describe()).isZero();
        RawProfile profile = RawProfile.read(output);
        assertThat(profile.withLeaf("spin")).as("%s", profile).isGreaterThan(20);
        assertThat(profile.withFunction("main")).as("the sleeping main thread is idle: %s", profile)
                .isLessThanOrEqualTo(profile.total() / 10);

        String snapshot = lastTopSnapshot();
        assertThat(snapshot).contains(", pid " + pid + ")\n").contains(" Threads: 2\n").contains("spin (app.py)");
        Matcher running = Pattern.compile("\\(([0-9.]+) threads running\\)").matcher(snapshot);
        assertThat(running.find()).as(snapshot).isTrue();
        assertThat(Double.parseDouble(running.group(1))).as("one of the two threads runs: %s", snapshot)
                .isBetween(0.8, 1.2);
    }

    /** A few dumps, until one saw the spinner running: the scheduler may catch it between two time slices. */
    private String dumpWithTheSpinnerActive() throws Exception {
        String out = "";
        for (int attempt = 0; attempt < 5; attempt++) {
            Pyspy4jJar.Result dump = DumpCli.run(List.of(), List.of("dump", "--pid", Long.toString(pid)));
            assertThat(dump.exitCode()).as(dump.describe()).isZero();
            out = dump.out();
            if (out.contains(" (active+gil): \"spinner\"\n    spin (app.py:")) {
                return out;
            }
        }
        throw new AssertionError("the spinner was never shown active:\n" + out);
    }

    private Set<Long> hostThreadIds() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return new TreeSet<>(tasks.map(task -> Long.parseLong(task.getFileName().toString())).toList());
        }
    }

    /** {@code top}'s plain snapshots (its output is a file), ended by SIGINT after the third. */
    private String lastTopSnapshot() throws Exception {
        return TopSnapshotIT.lastSnapshot(work, pid, "--delay", "0.5");
    }
}
