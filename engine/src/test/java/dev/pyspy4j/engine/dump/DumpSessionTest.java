// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.fakes.FakeNative;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.engine.nativestack.NativeMode;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.python.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump attaches, samples once and closes what it opened on every path. */
class DumpSessionTest {
    @TempDir
    Path root;

    private static DumpSession session(FakeProviders world) {
        return new DumpSession(world.providers(), Platform.current(), ProcessTree.system(), new FakeClock());
    }

    @Test
    void collectsTheProcessAndItsShortenedStacks() throws IOException {
        Files.createDirectories(root.resolve("app/pkg"));
        Files.writeString(root.resolve("app/pkg/__init__.py"), "");
        FakeTarget target = FakeTarget.pid(12).commandLine("python", "-m", "pkg").executable("/bin/python3")
                .root(root).version(PythonVersion.of(3, 11, 2)).warnings("careful")
                .traces(thread(12, 5, "MainThread", 12, true, false, frame("main", "/app/pkg/main.py", 3)))
                .build();

        ProcessDump dump = session(new FakeProviders().with(target)).dump(new DumpRequest(12, true, false));

        assertThat(dump.pid()).isEqualTo(12);
        assertThat(dump.commandLine()).containsExactly("python", "-m", "pkg");
        assertThat(dump.executable()).isEqualTo("/bin/python3");
        assertThat(dump.version()).isEqualTo(PythonVersion.of(3, 11, 2));
        assertThat(dump.warnings()).containsExactly("careful");
        assertThat(dump.traces()).singleElement().satisfies(trace -> assertThat(trace.frames())
                .extracting(Frame::shortFilename).containsExactly("pkg/main.py"));
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void fullFilenamesMakeTheShortNameTheFullPath() {
        FakeTarget target = FakeTarget.pid(12).root(root)
                .traces(thread(12, 5, "MainThread", 12, true, false, frame("main", "/app/pkg/main.py", 3)))
                .build();

        ProcessDump dump = session(new FakeProviders().with(target)).dump(new DumpRequest(12, true, true));

        assertThat(dump.traces().get(0).frames().get(0).shortFilename()).isEqualTo("/app/pkg/main.py");
    }

    @Test
    void localsLevelBecomesTheReprBudget() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(12).root(root).build());

        session(world).dump(new DumpRequest(12, true, false, 3));

        assertThat(world.requests()).singleElement()
                .satisfies(request -> assertThat(request.localsBudget()).isEqualTo(3 * 128));
    }

    @Test
    void withoutLocalsNoneAreAskedFor() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(12).root(root).build());

        session(world).dump(new DumpRequest(12, true, false));

        assertThat(world.requests()).singleElement()
                .satisfies(request -> assertThat(request.localsBudget()).isZero());
    }

    @Test
    void negativeLocalsLevelIsRefused() {
        assertThatThrownBy(() -> new DumpRequest(12, true, false, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closesTheProbeAndTheTargetAfterSampling() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(12).root(root).build());

        session(world).dump(new DumpRequest(12, false, false));

        assertThat(world.probes()).singleElement().satisfies(probe -> assertThat(probe.closeCount()).isEqualTo(1));
    }

    @Test
    void closesTheTargetWhenItIsNotPython() {
        FakeTarget target = FakeTarget.pid(12).root(root)
                .failingToOpen(new SpyException(FailureKind.NOT_PYTHON, "no python in process 12")).build();
        FakeProviders world = new FakeProviders().with(target);

        assertThatThrownBy(() -> session(world).dump(new DumpRequest(12, true, false)))
                .isInstanceOf(SpyException.class).hasMessage("no python in process 12");
        assertThat(target.closeCount()).isEqualTo(1);
        assertThat(world.probes()).isEmpty();
    }

    @Test
    void closesTheProbeAndTheTargetWhenSamplingFails() {
        FakeTarget target = FakeTarget.pid(12).root(root)
                .failingToSample(new IllegalStateException("torn")).build();
        FakeProviders world = new FakeProviders().with(target);

        assertThatThrownBy(() -> session(world).dump(new DumpRequest(12, true, false)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(target.closeCount()).isEqualTo(1);
        assertThat(world.probes()).singleElement().satisfies(probe -> assertThat(probe.closeCount()).isEqualTo(1));
    }

    @Test
    void attachFailuresPassThroughUnchanged() {
        SpyException denied = new SpyException(FailureKind.PERMISSION_DENIED, "denied");
        FakeProviders world = new FakeProviders().failingToAttach(3, denied);

        assertThatThrownBy(() -> session(world).dump(new DumpRequest(3, true, false))).isSameAs(denied);
    }

    @Test
    void nativeStacksAreMergedAndAThreadThatDoesNotMatchIsNamedInAWarning() {
        FakeTarget target = FakeTarget.pid(12).root(root).stoppedThreads(12L, 13L)
                .traces(thread(12, 5, "MainThread", 12, true, false, frame("main", "/app/main.py", 3)),
                        thread(12, 6, "worker", 13, true, false, entry("a"), entry("b"), entry("c")))
                .build();
        FakeNative.Unwinders unwinders = new FakeNative.Unwinders("fake", 1, true)
                .stack(12, NativeStack.complete(0x100, 0x201))
                .stack(13, NativeStack.complete(0x200));
        FakeNative.Symbols symbols = new FakeNative.Symbols().symbol(0x100, "/lib/libc.so.6", "clock_nanosleep")
                .symbol(0x200, "/fake/libpython3.11.so.1.0", "_PyEval_EvalFrameDefault");
        FakeProviders world = new FakeProviders().with(target).withUnwinder(unwinders).withSymbols(symbols);

        ProcessDump dump = session(world).dump(new DumpRequest(12, true, false, 0, false,
                NativeMode.on(Optional.empty())));

        assertThat(dump.traces()).singleElement().satisfies(trace -> {
            assertThat(trace.frames()).extracting(Frame::name).containsExactly("clock_nanosleep", "main");
            assertThat(trace.frames()).extracting(Frame::shortFilename).containsExactly("libc.so.6", "main.py");
        });
        assertThat(dump.warnings()).containsExactly("native and Python stacks do not match in thread 13: the native"
                + " stack has evaluation calls for 1 of 3 Python frames; the thread is left out");
        assertThat(unwinders.closes()).isEqualTo(1);
        assertThat(symbols.closes()).isEqualTo(1);
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void nativeStacksWithoutProvidersFailBeforeAttaching() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(12).root(root).build());

        assertThatThrownBy(() -> session(world).dump(new DumpRequest(12, true, false, 0, false,
                NativeMode.on(Optional.empty()))))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM))
                .hasMessageStartingWith("native stacks are not available: ");
        assertThat(world.opens()).isZero();
    }

    /** A frame that one evaluation call ran alone, as up to 3.10. */
    private static Frame entry(String name) {
        return new Frame(name, "/app/" + name + ".py", null, null, 1, null, true, false);
    }
}
