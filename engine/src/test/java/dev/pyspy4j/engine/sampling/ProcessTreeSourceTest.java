// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.fakes.FakeProcessTable;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.LineNumbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A process tree followed as it changes: processes that appear, exec and exit, the labels of their stacks, what is
 * not Python, what is counted per process, and that everything attached is let go of.
 */
class ProcessTreeSourceTest {
    private static final long RESCAN = ProcessTreeSource.RESCAN_MILLIS * 1_000_000L;

    private final FakeProcessTable table = new FakeProcessTable();
    private final FakeClock clock = new FakeClock();
    private final List<String> warnings = new ArrayList<>();

    private ProcessTreeSource tree(long root, TreeThreads threads) {
        Providers providers = table.providers();
        SamplingPlan plan = new SamplingPlan(100, OptionalLong.empty(), false, false, LineNumbers.CURRENT);
        ProcessSourceOpener opener = new ProcessSourceOpener(
                providers.processAccess().select(Platform.current(), Optional.empty()),
                providers.interpreters().select(Platform.current(), Optional.empty()),
                providers.threadActivity().select(Platform.current(), Optional.empty()), clock, plan);
        return new ProcessTreeSource(root, table, opener, clock, threads, warnings::add);
    }

    private ProcessTreeSource tree(long root) {
        return tree(root, TreeThreads.callers());
    }

    /** Reads after the next rescan. */
    private SourceReading readLater(ProcessTreeSource source) {
        clock.advance(RESCAN);
        return source.read();
    }

    private static List<Long> pids(SourceReading reading) {
        return reading.traces().stream().map(StackTrace::pid).toList();
    }

    @Test
    void labelsEachStackWithItsProcessAndAncestorsThroughAProgramThatIsNotPython() {
        table.python(100, 1, "python", "app.py")
                .program(101, 100, "/usr/bin/dash", "sh", "-c", "python w.py")
                .python(102, 101, "python", "w.py");

        SourceReading reading = tree(100).read();

        assertThat(pids(reading)).containsExactly(100L, 102L);
        assertThat(reading.processesRead()).isEqualTo(2);
        assertThat(reading.failures()).isEmpty();
        ProcessInfo app = new ProcessInfo(100, "python app.py", null);
        assertThat(reading.traces().get(0).processInfo()).isEqualTo(app);
        assertThat(reading.traces().get(1).processInfo()).isEqualTo(new ProcessInfo(102, "python w.py",
                new ProcessInfo(101, "sh -c python w.py", app)));
    }

    @Test
    void aProcessStartedMidRunIsSampledFromTheNextRescan() {
        table.python(100, 1, "python", "app.py");
        ProcessTreeSource source = tree(100);
        source.read();

        table.python(103, 100, "python", "late.py");

        assertThat(pids(source.read())).as("before the rescan").containsExactly(100L);
        assertThat(pids(readLater(source))).containsExactly(100L, 103L);
    }

    @Test
    void aProcessThatExitsIsLetGoOfWithoutAFailureAndItsCountsAreKept() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "w.py");
        ProcessTreeSource source = tree(100);
        source.read();
        source.read();

        table.exit(101);
        SourceReading reading = source.read();

        assertThat(pids(reading)).containsExactly(100L);
        assertThat(reading.failures()).isEmpty();
        assertThat(source.exhausted()).isFalse();
        assertThat(source.tallies()).extracting(tally -> tally.process().pid(), ProcessTally::reads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100L, 3L),
                        org.assertj.core.groups.Tuple.tuple(101L, 2L));
        source.close();
        assertThat(table.openHandles()).isZero();
    }

    @Test
    void aFailedReadOfALiveProcessIsCountedAgainstIt() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "w.py");
        ProcessTreeSource source = tree(100);
        table.process(101).failingToRead(new SpyException(FailureKind.MEMORY_READ, "torn read"));

        SourceReading reading = source.read();

        assertThat(pids(reading)).containsExactly(100L);
        assertThat(reading.failures()).extracting(SampleFailure::pid).containsExactly(101L);
        assertThat(source.tallies()).filteredOn(tally -> tally.process().pid() == 101)
                .singleElement().satisfies(tally -> {
                    assertThat(tally.failures()).isEqualTo(1);
                    assertThat(tally.reads()).isZero();
                });
    }

    @Test
    void aNewbornPythonIsOpenedOnceItsInterpreterIsReady() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "w.py");
        table.process(101).startingUp(3);
        ProcessTreeSource source = tree(100);

        List<Long> seen = new ArrayList<>();
        for (int tick = 0; tick < 20; tick++) {
            seen.addAll(pids(readLater(source)));
        }

        assertThat(seen).contains(101L);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aProcessThatIsNotPythonIsTriedAFewTimesThenLeftAloneUntilItExecsPython() {
        table.program(100, 1, "/usr/bin/dash", "sh", "run.sh").python(101, 100, "python", "a.py");
        ProcessTreeSource source = tree(100);
        int before = table.opens();
        for (long tick = 0; tick < 60; tick++) {
            readLater(source);
        }
        int whileStarting = table.opens() - before;
        for (long tick = 0; tick < 100; tick++) {
            readLater(source);
        }
        int afterGivingUp = table.opens() - before - whileStarting;

        table.exec(100, true, "/usr/bin/python3.12", "python", "b.py");

        assertThat(whileStarting).as("attempts in the first 6 s, at 60 rescans").isBetween(2, 15);
        assertThat(afterGivingUp).as("attempts in the next 10 s").isZero();
        assertThat(pids(readLater(source))).containsExactly(100L, 101L);
        assertThat(warnings).as("not Python is no news").isEmpty();
    }

    @Test
    void aSampledProcessThatExecsIsReadAfreshUnderItsNewCommandLineWithoutAFailure() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "app.py");
        ProcessTreeSource source = tree(100);
        source.read();

        table.exec(101, true, "/usr/bin/python3.12", "python", "-c", "work()");
        SourceReading during = source.read();
        SourceReading after = source.read();

        assertThat(during.failures()).isEmpty();
        assertThat(after.traces()).filteredOn(trace -> trace.pid() == 101).singleElement()
                .satisfies(trace -> assertThat(trace.processInfo().commandLine()).isEqualTo("python -c work()"));
    }

    @Test
    void aSampledProcessThatExecsAnotherProgramIsNoLongerRead() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "app.py");
        ProcessTreeSource source = tree(100);
        source.read();

        table.exec(101, false, "/usr/bin/dash", "sh", "-c", "sleep 9");
        SourceReading reading = source.read();

        assertThat(reading.failures()).isEmpty();
        assertThat(pids(readLater(source))).containsExactly(100L);
    }

    @Test
    void theTreeOutlivesItsRootUntilEveryAdoptedProcessHasExited() {
        table.program(100, 1, "/usr/bin/dash", "sh", "run.sh").python(101, 100, "python", "w.py");
        ProcessTreeSource source = tree(100);
        source.read();

        table.exit(100);
        assertThat(pids(readLater(source))).containsExactly(101L);
        table.python(102, 101, "python", "grandchild.py");
        assertThat(pids(readLater(source))).as("children of an adopted process").containsExactly(101L, 102L);
        assertThat(source.exhausted()).isFalse();

        table.exit(101);
        table.exit(102);
        readLater(source);
        assertThat(source.exhausted()).isTrue();
    }

    @Test
    void startingWaitsForPythonAndFailsWhenTheTreeHasNone() {
        table.program(100, 1, "/usr/bin/dash", "sh", "-c", "sleep 9").program(101, 100, "/usr/bin/sleep", "sleep", "9");
        ProcessTreeSource source = tree(100);

        assertThatThrownBy(() -> source.awaitPython(1_000_000_000L, new StopSignal()))
                .isInstanceOfSatisfying(SpyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_PYTHON);
                    assertThat(e.getMessage()).isEqualTo("no python processes found in process 100 or any of its"
                            + " subprocesses");
                });
    }

    @Test
    void startingReportsWhyAProcessThatLooksLikePythonCouldNotBeOpened() {
        table.program(100, 1, "/usr/bin/dash", "sh").python(101, 100, "python3.99", "w.py");
        SpyException unsupported = new SpyException(FailureKind.UNSUPPORTED_PYTHON, "Python 3.99 is not supported");
        table.process(101).failingToOpen(unsupported);
        ProcessTreeSource source = tree(100);

        assertThatThrownBy(() -> source.awaitPython(1_000_000_000L, new StopSignal())).isSameAs(unsupported);
    }

    @Test
    void startingEndsOnceAPythonProcessIsSampled() {
        table.program(100, 1, "/usr/bin/dash", "sh").python(101, 100, "python", "w.py");
        table.process(101).startingUp(2);
        ProcessTreeSource source = tree(100);

        source.awaitPython(1_000_000_000L, new StopSignal());

        assertThat(pids(source.read())).containsExactly(101L);
    }

    @Test
    void startingFailsWhenTheWholeTreeHasExited() {
        table.program(100, 1, "/usr/bin/dash", "sh");
        ProcessTreeSource source = tree(100);
        table.exit(100);

        assertThatThrownBy(() -> source.awaitPython(Long.MAX_VALUE, new StopSignal()))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_EXITED));
    }

    @Test
    void warnsOnceOfWhatTheUserShouldKnow() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "a.py").python(102, 100, "python", "b.py")
                .python(103, 100, "python3.99", "c.py").program(104, 100, "/usr/bin/sudo", "sudo", "x");
        table.process(101).warning("Python 3.12.1 is newer than any tested");
        table.process(102).warning("Python 3.12.1 is newer than any tested");
        table.process(103).failingToOpen(new SpyException(FailureKind.UNSUPPORTED_PYTHON, "3.99 is not supported"));
        table.process(104).refusingAttach(new SpyException(FailureKind.PERMISSION_DENIED, "cannot attach"));
        ProcessTreeSource source = tree(100);

        for (int tick = 0; tick < 80; tick++) {
            readLater(source);
        }

        assertThat(warnings).containsExactlyInAnyOrder("Python 3.12.1 is newer than any tested",
                "not sampling process 103: 3.99 is not supported", "not sampling process 104: cannot attach");
    }

    @Test
    void closingLetsGoOfEverythingEvenWhatIsStillBeingOpened() {
        List<Runnable> pendingOpens = new ArrayList<>();
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "w.py");
        ProcessTreeSource source = tree(100, TreeThreads.of(pendingOpens::add, Runnable::run));
        source.read();

        source.close();
        pendingOpens.forEach(Runnable::run);

        assertThat(pendingOpens).isNotEmpty();
        assertThat(table.openHandles()).isZero();
    }

    @Test
    void filesAreLookedAtAsTheirProcessSeesThem() {
        table.python(100, 1, "python", "app.py").python(101, 100, "python", "w.py");
        ProcessTreeSource source = tree(100);
        source.read();

        assertThat(source.fileAsSeenBy(101, "/app/w.py")).isEqualTo(Path.of("/proc/101/root/app/w.py"));
        assertThat(source.fileAsSeenBy(999, "/app/w.py")).isEqualTo(Path.of("/app/w.py"));
    }
}
