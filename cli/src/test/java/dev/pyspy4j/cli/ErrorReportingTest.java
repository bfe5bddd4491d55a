// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every failure of {@code dump}: exactly one line on standard error, the documented exit code, nothing on stdout. */
class ErrorReportingTest {
    private static final String REMEDIES = "; run as root, or in Docker add --cap-add SYS_PTRACE,"
            + " or in Kubernetes add securityContext.capabilities.add: [SYS_PTRACE]";

    @TempDir
    Path root;

    @Test
    void noSuchProcess() {
        CliRunner.Result result = new CliRunner(new FakeProviders().providers()).run("dump", "--pid", "999999");

        assertFailure(result, 1, "pyspy4j dump: no process with pid 999999");
    }

    @ParameterizedTest
    @CsvSource({
        "NOT_PYTHON, 1", "UNSUPPORTED_PYTHON, 1", "MEMORY_READ, 1", "PROCESS_EXITED, 1",
        "MALFORMED_INPUT, 1", "UNSUPPORTED_PLATFORM, 1", "OUTPUT, 1"
    })
    void failuresAgainstTheTargetExitWithOne(FailureKind kind, int exitCode) {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(7).root(root)
                .failingToOpen(new SpyException(kind, "cannot read process 7 as " + kind)).build());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "7");

        assertFailure(result, exitCode, "pyspy4j dump: cannot read process 7 as " + kind);
    }

    @Test
    void processExitingWhileSampledClosesEverythingAndExitsWithOne() {
        FakeTarget target = FakeTarget.pid(7).root(root)
                .failingToSample(new SpyException(FailureKind.PROCESS_EXITED, "process 7 exited")).build();
        FakeProviders world = new FakeProviders().with(target);

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "7");

        assertFailure(result, 1, "pyspy4j dump: process 7 exited");
        assertThat(target.closeCount()).isEqualTo(1);
        assertThat(world.probes()).singleElement().satisfies(probe -> assertThat(probe.closeCount()).isEqualTo(1));
    }

    @Test
    void permissionDeniedGivesTheRemediesAndExitsWithThree() {
        FakeProviders world = new FakeProviders().failingToAttach(1,
                new SpyException(FailureKind.PERMISSION_DENIED, "permission denied reading process 1"));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "1");

        assertFailure(result, 3, "pyspy4j dump: permission denied reading process 1" + REMEDIES);
    }

    @Test
    void permissionDeniedNamesYamaWhenItRestrictsAttaching() throws IOException {
        Path scope = Files.writeString(root.resolve("ptrace_scope"), "1\n");
        FakeProviders world = new FakeProviders().failingToAttach(1,
                new SpyException(FailureKind.PERMISSION_DENIED, "permission denied reading process 1"));

        CliRunner.Result result = new CliRunner(world.providers()).ptraceScopeFile(scope).run("dump", "-p", "1");

        assertFailure(result, 3, "pyspy4j dump: permission denied reading process 1" + REMEDIES
                + ", or allow attaching with sysctl kernel.yama.ptrace_scope=0 (it is 1)");
    }

    @Test
    void permissionDeniedLeavesYamaOutWhenItAllowsAttaching() throws IOException {
        Path scope = Files.writeString(root.resolve("ptrace_scope"), "0\n");
        FakeProviders world = new FakeProviders().failingToAttach(1,
                new SpyException(FailureKind.PERMISSION_DENIED, "permission denied reading process 1"));

        CliRunner.Result result = new CliRunner(world.providers()).ptraceScopeFile(scope).run("dump", "-p", "1");

        assertFailure(result, 3, "pyspy4j dump: permission denied reading process 1" + REMEDIES);
    }

    @Test
    void aTracedTargetNamesItsTracerAndSuggestsNonblockingInsteadOfRoot() {
        AccessDenial traced = new AccessDenial(true, true, OptionalInt.empty(), false, OptionalLong.of(4242));
        FakeProviders world = new FakeProviders().failingToAttach(1, new PermissionDeniedException(
                "cannot pause process 1: it is already traced by process 4242 (a debugger or another profiler)", null,
                traced, null));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "1");

        assertFailure(result, 3, "pyspy4j dump: cannot pause process 1: it is already traced by process 4242 (a"
                + " debugger or another profiler); try --nonblocking, which reads the process without pausing it, or"
                + " detach the debugger (process 4242) first");
    }

    @Test
    void usageFailureFromAProviderPointsToHelp() {
        FakeProviders world = new FakeProviders().failingToAttach(5,
                new SpyException(FailureKind.USAGE, "pid 5 is a kernel thread"));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "5");

        assertFailure(result, 2, "pyspy4j dump: pid 5 is a kernel thread; try 'pyspy4j dump --help'");
    }

    @Test
    void internalSpyExceptionIsReportedAsABug() {
        FakeProviders world = new FakeProviders().failingToAttach(5,
                new SpyException(FailureKind.INTERNAL, "frame cache corrupt"));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "5");

        assertFailure(result, 4, "pyspy4j dump: internal error: frame cache corrupt (run with --verbose for details)");
    }

    @Test
    void anyOtherExceptionIsAnInternalErrorWithoutStackTrace() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(8).root(root)
                .failingToSample(new IllegalStateException("walker confused\nsecond line")).build());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "8");

        assertFailure(result, 4, "pyspy4j dump: internal error: walker confused (run with --verbose for details)");
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsClass() {
        FakeProviders world = new FakeProviders().failingToAttach(9, new NullPointerException());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "9");

        assertFailure(result, 4,
                "pyspy4j dump: internal error: java.lang.NullPointerException (run with --verbose for details)");
    }

    @Test
    void jvmErrorsAreInternalErrorsWithoutStackTrace() {
        FakeProviders world = new FakeProviders().failingToAttach(9,
                new UnsatisfiedLinkError("Unable to load library 'c'"));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "9");

        assertFailure(result, 4, "pyspy4j dump: internal error: java.lang.UnsatisfiedLinkError:"
                + " Unable to load library 'c' (run with --verbose for details)");
    }

    @Test
    void jvmErrorsShowTheirStackTraceWithVerbose() {
        FakeProviders world = new FakeProviders().failingToAttach(9, new StackOverflowError());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "9", "--verbose");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("\nCaused by: java.lang.StackOverflowError\n\tat ");
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheMessage() {
        FakeProviders world = new FakeProviders().failingToAttach(9,
                new IllegalStateException("outer", new IOException("inner cause")));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "9", "--verbose");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).startsWith("pyspy4j dump: internal error: outer (run with --verbose for details)\n"
                + "java.lang.IllegalStateException: outer\n\tat ");
        assertThat(result.err()).contains("\nCaused by: java.io.IOException: inner cause\n\tat ");
    }

    @Test
    void verboseBeforeTheSubcommandWorksToo() {
        FakeProviders world = new FakeProviders().failingToAttach(9, new IllegalStateException("boom"));

        CliRunner.Result result = new CliRunner(world.providers()).run("--verbose", "dump", "-p", "9");

        assertThat(result.err()).contains("\njava.lang.IllegalStateException: boom\n\tat ");
    }

    @Test
    void targetFailuresStayOneLineEvenWithVerboseOff() {
        FakeProviders world = new FakeProviders().failingToAttach(9,
                new SpyException(FailureKind.MEMORY_READ, "read failed", new IOException("EFAULT")));

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "9");

        assertFailure(result, 1, "pyspy4j dump: read failed");
    }

    static void assertFailure(CliRunner.Result result, int exitCode, String line) {
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo(line + "\n");
        assertThat(result.out()).isEmpty();
    }
}
