// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.asyncio.AsyncioReader;
import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.remote.SnapshotMemory;
import dev.pyspy4j.python.walk.CodeCache;
import dev.pyspy4j.python.walk.CodeReader;
import dev.pyspy4j.python.walk.GilSwitches;
import dev.pyspy4j.python.walk.LocalsReader;
import dev.pyspy4j.python.walk.RawFrame;
import dev.pyspy4j.python.walk.RawSample;
import dev.pyspy4j.python.walk.RawThread;
import dev.pyspy4j.python.walk.ReusableStacks;
import dev.pyspy4j.python.walk.ThreadFilter;
import dev.pyspy4j.python.walk.ThreadNames;
import dev.pyspy4j.python.walk.ThreadStateCollector;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.python.InterpreterSample;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonVersion;
import dev.pyspy4j.spi.python.SampleRequest;
import dev.pyspy4j.spi.python.ThreadSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A CPython interpreter in a target, read through one version family's collector. A sample copies raw bytes
 * (pausing the target only for that and for the code objects it has not seen before, in blocking mode), then
 * resolves names, lines and thread names with the target running again.
 */
public final class CPythonInterpreter implements PythonInterpreter {
    private final TargetProcess target;
    private final TargetArch arch;
    private final PythonVersion version;
    private final String binaryPath;
    private final List<String> warnings;
    private final boolean freeThreaded;
    private final long interpreter;
    private final ThreadStateCollector collector;
    private final CodeCache codes;
    private final SampleDecoder decoder;
    /** What the previous sample read, copied ahead in one batched read by the next. */
    private SnapshotMemory.ReadPlan plan = SnapshotMemory.ReadPlan.EMPTY;
    /** The copies of one sample; reused by the next, so that a steady sample allocates no copy buffers. */
    private final SnapshotMemory snapshot;
    private final RemoteReader reader;
    /** Stops only the GIL's holder in blocking mode where the GIL can be watched; null where it cannot. */
    private final GilHolderPause holderPause;
    /** The copy of the last sample that succeeded, if the sample after it has not failed; else {@code null}. */
    private RawSample lastSample;
    /** The copy the sample being taken made last, and the stacks it may use again. */
    private RawSample lastCopy;
    private ReusableStacks reusable = ReusableStacks.NONE;
    /** Reads asyncio tasks for {@code dump --asyncio}; null where this version's tasks cannot be read. */
    private final AsyncioReader asyncio;

    private CPythonInterpreter(Builder b) {
        this.target = b.found.target();
        this.arch = b.found.arch();
        this.version = b.found.version();
        this.binaryPath = b.found.binaries().interpreterBinaryPath();
        this.warnings = List.copyOf(b.warnings);
        this.freeThreaded = b.freeThreaded;
        this.collector = Objects.requireNonNull(b.collector, "collector is null");
        this.codes = new CodeCache(Objects.requireNonNull(b.codes, "codes is null"));
        this.snapshot = new SnapshotMemory(target.memory());
        this.reader = new RemoteReader(snapshot, arch);
        this.interpreter = b.interpreterAddress.getAsLong();
        if (interpreter == 0) {
            throw new SpyException(FailureKind.NOT_PYTHON, "Python " + version + " in process " + target.pid()
                    + " has no interpreter yet (starting up or shutting down)");
        }
        ThreadNames names = new ThreadNames(b.objects, collector.layout().modules());
        this.decoder = new SampleDecoder(target.pid(), interpreter, codes, b.codes, names, b.instructionIsPointer,
                target::osThreadIds, target::hostThreadId, b.locals, this::stillAsCopied);
        // Free-threaded builds read their tasks from the registries (3.13t, whose objects' longer header the
        // reader allows for); the per-thread task lists of 3.14t have not been read from a live one yet.
        this.asyncio = b.asyncio == null || (b.freeThreaded && version.minor() >= 14) ? null
                : b.asyncio.create(codes, b.locals, collector.layout().modules());
        this.holderPause = b.gilSwitches == null || b.freeThreaded ? null
                : new GilHolderPause(target, interpreter, b.gilSwitches, decoder.identities(),
                        decoder::learnIdentities);
    }

    public static Builder builder(DiscoveredInterpreter found) {
        return new Builder(found);
    }

    @Override
    public PythonVersion version() {
        return version;
    }

    @Override
    public String binaryPath() {
        return binaryPath;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public boolean freeThreaded() {
        return freeThreaded;
    }

    @Override
    public synchronized InterpreterSample sample(SampleRequest request) {
        // Thread states must be read before pausing: a paused thread always looks idle.
        Map<Long, ThreadActivity> activity = request.activity() == null ? null : request.activity().snapshot();
        // Stacks are used again only from the sample just before, taken between the last two activity snapshots:
        // a failed sample leaves none.
        RawSample previous = lastSample;
        lastSample = null;
        lastCopy = null;
        reusable = reusableStacks(previous, request);
        InterpreterSample sample = sampleWith(request, activity);
        lastSample = lastCopy;
        return sample;
    }

    /**
     * The OS thread ids of the threads {@code activity} saw running; none when it is not known. Asked for only when a
     * holder-only pause must stop more threads: most rounds never look through the activity of every thread again.
     */
    private static List<Long> running(Map<Long, ThreadActivity> activity) {
        if (activity == null) {
            return List.of();
        }
        List<Long> running = new ArrayList<>();
        activity.forEach((tid, state) -> {
            if (state == ThreadActivity.ACTIVE) {
                running.add(tid);
            }
        });
        return running;
    }

    /**
     * The stacks of {@code previous} whose threads the activity probe proves not to have run since its last
     * snapshot, which was taken before {@code previous} was copied.
     */
    private ReusableStacks reusableStacks(RawSample previous, SampleRequest request) {
        if (previous == null || request.activity() == null || request.gilOnly() || request.localsBudget() > 0) {
            return ReusableStacks.NONE;
        }
        Set<Long> notRun = request.activity().notRunSincePreviousSnapshot();
        if (notRun.isEmpty()) {
            return ReusableStacks.NONE;
        }
        ThreadIdentities owners = decoder.identities();
        return ReusableStacks.of(previous, threadState -> {
            long tid = owners.hostThreadIdOf(threadState);
            return tid != 0 && notRun.contains(tid);
        });
    }

    private InterpreterSample sampleWith(SampleRequest request, Map<Long, ThreadActivity> activity) {
        if (!request.pauseTarget()) {
            RawSample raw = copy(snapshot, request, null, false);
            return new InterpreterSample(decoder.decode(raw, request, activity), 0);
        }
        if (holderPause != null && request.whilePaused() == null && request.localsBudget() == 0
                && request.threads().isAll()) {
            Optional<GilHolderPause.Copy> copy = holderPause.copy(
                    looks -> copy(snapshot, request, looks, looks != null), () -> running(activity));
            if (copy.isPresent()) {
                return new InterpreterSample(decoder.decode(copy.get().raw(), request, activity),
                        copy.get().pausedNanos());
            }
        }
        long start = System.nanoTime();
        RawSample raw;
        try (PauseHandle pause = target.pause()) {
            raw = copy(snapshot, request, null, true);
            if (request.whilePaused() != null) {
                request.whilePaused().run(pause);
            }
            if (request.localsBudget() > 0) {
                // Local values are live objects, not copies: render them before the target changes them.
                List<StackTrace> traces = decoder.decode(raw, request, activity);
                return new InterpreterSample(traces, System.nanoTime() - start);
            }
        }
        long paused = System.nanoTime() - start;
        return new InterpreterSample(decoder.decode(raw, request, activity), paused);
    }

    @Override
    public boolean readsAsyncioTasks() {
        return asyncio != null;
    }

    @Override
    public synchronized AsyncioSnapshot asyncioTasks(boolean pauseTarget, int localsBudget) {
        if (asyncio == null && freeThreaded) {
            return AsyncioSnapshot.unavailable("dump --asyncio is not supported for free-threaded CPython "
                    + version.minorVersion() + " yet");
        }
        if (asyncio == null) {
            return PythonInterpreter.super.asyncioTasks(pauseTarget, localsBudget);
        }
        if (!pauseTarget) {
            return asyncio.read(interpreter, localsBudget);
        }
        try (PauseHandle pause = target.pause()) {
            return asyncio.read(interpreter, localsBudget);
        }
    }

    /**
     * Copies the raw stacks: what the last sample needed in one read (making {@code looks} around it when not null),
     * then whatever the walk still misses.
     *
     * @param held whether the copy's threads are held while it is made: the code objects not cached yet are read
     *             then too, while they cannot be freed
     */
    private RawSample copy(SnapshotMemory snapshot, SampleRequest request, GilSwitches.Looks looks, boolean held) {
        boolean fetched = looks == null ? snapshot.prefetch(plan)
                : snapshot.prefetch(plan, looks.first(), looks.last());
        if (!fetched) {
            plan = SnapshotMemory.ReadPlan.EMPTY;
        }
        ThreadSelection selection = request.threads();
        RawSample raw = collector.collect(reader, interpreter, request.gilOnly(), request.pauseTarget(),
                selection.isAll() ? ThreadFilter.ALL
                        : (threadId, nativeThreadId) -> decoder.selects(selection, threadId, nativeThreadId),
                reusable);
        lastCopy = raw;
        // The cached code objects of these frames are checked with the copy: while a paused thread runs a code
        // object it cannot be freed, and from the next copy on the checks come with the batched read.
        codes.revalidate(raw, snapshot);
        plan = snapshot.plan();
        boolean codesRead = held && codes.readUncached(raw);
        if (looks != null) {
            // Code objects are read live, after the batch's look: a look of its own then covers them too.
            looks.made(fetched, snapshot.liveReads() == 0 && !codesRead);
        }
        return raw;
    }

    /**
     * Whether the thread still runs the frames it had when copied, by a fresh copy made without pausing: only after
     * a failed decode, where it tells a thread that moved on (and its code freed) from memory that was wrong
     * already while paused.
     */
    private boolean stillAsCopied(RawThread copied) {
        try {
            RawSample now = collector.collect(new RemoteReader(target.memory(), arch), interpreter, false, true);
            for (RawThread thread : now.threads()) {
                if (thread.threadState() == copied.threadState()) {
                    return thread.threadId() == copied.threadId() && sameCode(thread.frames(), copied.frames());
                }
            }
            return false;
        } catch (SpyException e) {
            return false;
        }
    }

    private static boolean sameCode(List<RawFrame> now, List<RawFrame> copied) {
        if (now.size() != copied.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).code() != copied.get(i).code() || now.get(i).address() != copied.get(i).address()) {
                return false;
            }
        }
        return true;
    }

    /** Assembles an interpreter reader from one family's parts. */
    public static final class Builder {
        private final DiscoveredInterpreter found;
        private final List<String> warnings = new ArrayList<>();
        private LongSupplier interpreterAddress;
        private ThreadStateCollector collector;
        private CodeReader codes;
        private ObjectReader objects;
        private boolean instructionIsPointer;
        private boolean freeThreaded;
        private LocalsReader locals;
        private GilSwitches gilSwitches;
        private AsyncioReader.Factory asyncio;

        private Builder(DiscoveredInterpreter found) {
            this.found = found;
        }

        /** Reads the address of the main {@code PyInterpreterState}. */
        public Builder interpreterAddress(LongSupplier value) {
            this.interpreterAddress = value;
            return this;
        }

        public Builder collector(ThreadStateCollector value) {
            this.collector = value;
            return this;
        }

        public Builder codes(CodeReader value) {
            this.codes = value;
            return this;
        }

        public Builder objects(ObjectReader value) {
            this.objects = value;
            return this;
        }

        /** Whether frames carry an instruction pointer (3.11+) rather than a byte offset ({@code f_lasti}). */
        public Builder instructionIsPointer(boolean value) {
            this.instructionIsPointer = value;
            return this;
        }

        /** Reads arguments and locals for {@code dump --locals}. */
        public Builder locals(LocalsReader value) {
            this.locals = value;
            return this;
        }

        /**
         * Where this version keeps the GIL's last holder and switch count: with it, blocking samples stop only the
         * holder (see {@link GilHolderPause}); without it, every thread.
         */
        public Builder gilSwitches(GilSwitches value) {
            this.gilSwitches = value;
            return this;
        }

        /** A free-threaded build: no thread ever holds a GIL, and {@code --gil} is refused. */
        public Builder freeThreaded(boolean value) {
            this.freeThreaded = value;
            return this;
        }

        /** How {@code dump --asyncio} reads tasks; without it, the interpreter says it cannot read them. */
        public Builder asyncio(AsyncioReader.Factory value) {
            this.asyncio = value;
            return this;
        }

        public Builder warning(String text) {
            warnings.add(text);
            return this;
        }

        public CPythonInterpreter build() {
            return new CPythonInterpreter(this);
        }
    }
}
