// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A recorded program that exits or replaces itself with {@code execve} at a random moment, in either sampling mode:
 * the run ends when it does, says why, and writes a valid file holding only the program it started with, never a
 * stack read across the exec. With {@code --subprocesses} the new program is followed instead.
 */
@EnabledOnOs(OS.LINUX)
class RecordExecIT {
    private static final String[] ENDINGS = {"sleep", "python", "exit"};
    private static final Pattern ERRORS = Pattern.compile("errors: (\\d+)");
    private static final Pattern TORN = Pattern.compile("torn stack: (\\d+)");

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aProgramEndingOrExecingAtARandomMomentLeavesAValidRecording(Path python) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < ENDINGS.length; run++) {
            String ending = ENDINGS[(run + random.nextInt(ENDINGS.length)) % ENDINGS.length];
            String seconds = String.format(Locale.ROOT, "%.3f", 0.8 + 0.7 * random.nextDouble());
            boolean nonblocking = run % 2 == 1;
            String output = "run" + run + ".txt";
            List<String> args = new ArrayList<>(List.of("-r", "500", "-d", "20", "-f", "raw", "-o", output));
            if (nonblocking) {
                args.add("--nonblocking");
            }
            args.addAll(List.of("--", python.toString(), Interpreters.script("exec_at.py").toString(), seconds,
                    ending));
            Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));
            String what = String.format("seed %d, %s after %s s%s: %s", seed, ending, seconds,
                    nonblocking ? ", --nonblocking" : "", result.describe());

            assertThat(result.exitCode()).as(what).isZero();
            assertThat(result.err()).as(what).containsAnyOf(expectedEnds(ending));
            assertThat(result.err()).as(what).contains("Wrote raw flamegraph data to '" + output + "'");
            RawProfile profile = RawProfile.read(work.resolve(output));
            assertThat(profile.withFunction("before_exec")).as("%s; %s", profile, what).isPositive();
            assertThat(profile.count(stack -> stack.stream().anyMatch(frame -> frame.contains("<stack unreadable"))))
                    .as("%s; %s", profile, what).isZero();
            // Counted, never shown: the last rounds of a program that frees its code objects as it finishes are
            // torn, and one read while an exec is under way may fail before the new program shows in /proc.
            // Without pausing, one more read may fail on memory the running program freed while it was read
            // (seen once on 3.13t, exec'ing under a loaded machine: two unreadable reads).
            assertThat(count(ERRORS, result.err()) - count(TORN, result.err())).as(what)
                    .isLessThanOrEqualTo(nonblocking ? 2 : 1);
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /**
     * The run ends with the program it sampled. A Python that exec's the same interpreter may be found at the same
     * addresses (a build without position-independent code): its stacks are then read on, rightly, to its exit.
     */
    private static String[] expectedEnds(String ending) {
        String exited = "Stopped sampling because process exited";
        String execed = "Stopped sampling because process exec'd another program (--subprocesses follows it)";
        return switch (ending) {
            case "exit" -> new String[] {exited};
            case "sleep" -> new String[] {execed};
            default -> new String[] {execed, exited};
        };
    }

    @Test
    void withSubprocessesTheProgramAnExecStartsIsRecordedToo() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        Interpreters.requireInstalled(python);

        Pyspy4jJar.Result result = RecordRun.run(work, "-s", "-r", "200", "-d", "20", "-f", "raw", "-o", "tree.txt",
                "--", python.toString(), Interpreters.script("exec_at.py").toString(), "1.0", "python");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe()).contains("Stopped sampling because process exited");
        RawProfile profile = RawProfile.read(work.resolve("tree.txt"));
        assertThat(profile.withFunction("before_exec")).as("%s; %s", profile, result.describe()).isPositive();
        assertThat(profile.withFunction("after_exec")).as("%s; %s", profile, result.describe()).isPositive();
    }
}
