// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Every way {@code dump} can fail on a real system: one line on stderr, the documented exit code, no trace. */
@EnabledOnOs(OS.LINUX)
class DumpFailuresIT {
    private static final String NOT_ROOT = "; pyspy4j is not running as root: run it as root (e.g. with sudo)";

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path temp;

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @Test
    void noSuchProcess() throws Exception {
        // Above pid_max (proc(5)) no process can exist.
        long pid = Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/pid_max")).strip()) + 1;

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(pid));

        assertOneLineFailure(result, 1);
        assertThat(result.err()).contains(Long.toString(pid));
    }

    @Test
    void processThatIsNotPython() throws Exception {
        Process sleep = targets.startProgram("sleep", "100");

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(sleep.pid()));

        assertOneLineFailure(result, 1);
    }

    @Test
    void permissionDeniedForAnotherUsersProcess() throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("nested.py"));
        Path jar = worldReadableCopyOfTheJar();

        Pyspy4jJar.Result result = Pyspy4jJar.runCommand(List.of("runuser", "-u", "nobody", "--",
                Pyspy4jJar.java(), "-XX:-UsePerfData", "-jar", jar.toString(), "dump", "--pid",
                Long.toString(target.pid())));

        assertOneLineFailure(result, 3);
        assertThat(result.err()).endsWith(NOT_ROOT + yamaRemedy() + "\n");
    }

    /** Root in a container without CAP_SYS_PTRACE: running as root again cannot help, adding the capability can. */
    @Test
    void rootWithoutSysPtraceIsToldToAddTheCapabilityNotToRunAsRoot() throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("nested.py"));
        List<String> command = new ArrayList<>(List.of("setpriv", "--inh-caps=-sys_ptrace",
                "--bounding-set=-sys_ptrace", "--"));
        command.addAll(List.of(Pyspy4jJar.java(), "-XX:-UsePerfData", "-jar", Pyspy4jJar.path().toString(), "dump",
                "--pid", Long.toString(target.pid())));

        Pyspy4jJar.Result result = Pyspy4jJar.runCommand(command);

        assertOneLineFailure(result, 3);
        assertThat(result.err()).endsWith("; pyspy4j runs as root but without the CAP_SYS_PTRACE capability"
                + " (containers drop it): in Docker add --cap-add SYS_PTRACE, in Kubernetes add"
                + " securityContext.capabilities.add: [SYS_PTRACE]\n");
    }

    @Test
    void processThatHasExited() throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("exiting.py"), "0");
        assertThat(target.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertOneLineFailure(result, 1);
    }

    @Test
    void processExitingWhileBeingReadFailsCleanlyOrIsDumpedWhole() throws Exception {
        for (String delay : List.of("0.05", "0.1", "0.2", "0.3", "0.4", "0.6", "0.8")) {
            Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("exiting.py"),
                    delay);

            Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

            if (result.exitCode() == 0) {
                assertThat(result.out()).as(result.describe()).startsWith("Process " + target.pid() + ": ");
            } else {
                assertOneLineFailure(result, 1);
            }
        }
    }

    @Test
    void pidThatIsNotANumber() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", "abc");

        assertExactFailure(result, 2, "pyspy4j dump: Invalid value for option '--pid': 'abc' is not a process id"
                + " (a decimal number, or hexadecimal after 0x); try 'pyspy4j dump --help'");
    }

    @Test
    void missingPid() throws Exception {
        assertExactFailure(Pyspy4jJar.run("dump"), 2,
                "pyspy4j dump: Missing required option: '--pid=<pid>'; try 'pyspy4j dump --help'");
    }

    @Test
    void unknownOption() throws Exception {
        assertExactFailure(Pyspy4jJar.run("dump", "--pid", "1", "--frobnicate"), 2,
                "pyspy4j dump: Unknown option: '--frobnicate'; try 'pyspy4j dump --help'");
    }

    @Test
    void unknownSubcommand() throws Exception {
        assertExactFailure(Pyspy4jJar.run("frobnicate"), 2,
                "pyspy4j: Unmatched argument at index 0: 'frobnicate'; try 'pyspy4j --help'");
    }

    @Test
    void noArgumentsAtAllPrintsUsage() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Usage: pyspy4j ");
    }

    private Path worldReadableCopyOfTheJar() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(Pyspy4jJar.path(), temp.resolve("pyspy4j.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        return jar;
    }

    /** What the message adds about Yama (Documentation/admin-guide/LSM/Yama.rst) on this machine. */
    private static String yamaRemedy() throws IOException {
        Path scope = Path.of("/proc/sys/kernel/yama/ptrace_scope");
        if (!Files.exists(scope)) {
            return "";
        }
        int value = Integer.parseInt(Files.readString(scope, StandardCharsets.US_ASCII).strip());
        return value == 1 ? ", or as the target's user after sysctl kernel.yama.ptrace_scope=0 (it is 1)" : "";
    }

    private static void assertOneLineFailure(Pyspy4jJar.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(exitCode);
        assertThat(result.out()).as(result.describe()).isEmpty();
        assertThat(result.err()).as(result.describe()).startsWith("pyspy4j dump: ").endsWith("\n")
                .doesNotContain("\tat ", "Exception", "internal error");
        assertThat(result.err().lines()).as(result.describe()).hasSize(1);
    }

    private static void assertExactFailure(Pyspy4jJar.Result result, int exitCode, String line) {
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(line + "\n");
    }
}
