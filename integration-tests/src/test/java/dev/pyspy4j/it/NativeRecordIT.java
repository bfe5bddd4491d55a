// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --native}: of a running target, of a launched program, and the options it cannot go with. */
@EnabledOnOs(OS.LINUX)
class NativeRecordIT {
    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path temp;

    /** Most samples of a thread spinning in C called from Python show the C function under its Python caller. */
    @Test
    void rawProfileShowsTheCFunctionUnderItsPythonCaller() throws Exception {
        Path python = Interpreters.pyenv("3.12");
        Path script = Interpreters.script("native_spin.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script, NativeExtension.forInterpreter(python).toString());
        Path out = temp.resolve("native.txt");

        Pyspy4jJar.Result result = RecordRun.run(temp, "--native", "-f", "raw", "-d", "2", "-o", out.toString(),
                "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(out);
        String caller = "spin_caller (native_spin.py:" + markers.line("spin_caller") + ")";
        String module = "<module> (native_spin.py:" + markers.line("<module>") + ")";
        long spinning = profile.count(stack -> stack.size() >= 3
                && stack.get(stack.size() - 1).equals("spin_c (nativeprobe.so)")
                && stack.get(stack.size() - 2).equals(caller)
                && stack.subList(0, stack.size() - 2).stream().filter(frame -> frame.contains(".py:")).toList()
                        .equals(List.of(module)));
        assertThat(profile.total()).as(profile.toString()).isPositive();
        assertThat(spinning * 2).as("samples in spin_c under %s, of %d:%n%s", caller, profile.total(), profile)
                .isGreaterThan(profile.total());
    }

    /** Native stacks are read with the target stopped: {@code --nonblocking} cannot give them, and is refused. */
    @Test
    void nativeWithNonblockingIsAUsageError() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("record", "--native", "--nonblocking", "-o",
                temp.resolve("never.svg").toString(), "--pid", Long.toString(ProcessHandle.current().pid()));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.err().strip()).as(result.describe()).doesNotContain("\n").contains("--nonblocking")
                .contains("native");
        assertThat(temp.resolve("never.svg")).doesNotExist();
    }

    /**
     * The flame graph of a launched program compressing with zlib shows deflate under compress under the caller. The
     * program runs 8 s: a first native sample loads the unwind tables and symbols of every binary it meets, which on a
     * loaded machine took longer than a 3 s program ran.
     */
    @Test
    void flameGraphOfLaunchedProgramShowsDeflateUnderCompress() throws Exception {
        Path python = Interpreters.pyenv("3.12");
        Interpreters.requireInstalled(python);
        Path svg = temp.resolve("out.svg");
        String program = String.join("\n",
                "import random, time, zlib",
                "random.seed(7)",
                "words = [('%x' % random.getrandbits(24)).encode('ascii') for _ in range(4096)]",
                "data = b' '.join(random.choice(words) for _ in range(16384)) * 32",
                "def squeeze(until):",
                "    while time.time() < until:",
                "        zlib.compress(data, 9)",
                "squeeze(time.time() + 8)");

        Pyspy4jJar.Result result = RecordRun.run(temp, "--native", "-o", svg.toString(), "--", python.toString(),
                "-c", program);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).as(result.describe()).contains("<svg").contains(">deflate (libz.so")
                .contains("zlib_compress").contains("squeeze (&lt;string&gt;:7)");
    }
}
