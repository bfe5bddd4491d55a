// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import dev.pyspy4j.spi.Platform;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A process opened for reading. Owned by whoever attached it, who must {@link #close()} it;
 * closing resumes the process if it is paused and releases every OS handle.
 * Not thread-safe unless an implementation says otherwise: one sampler thread uses it.
 */
public interface TargetProcess extends AutoCloseable {
    long pid();

    Platform platform();

    /** The process's address space. */
    ProcessMemory memory();

    /** The current memory map, freshly read. */
    List<MemoryRegion> regions();

    /** The current threads, freshly listed. */
    List<NativeThread> threads();

    /**
     * Maps the threading library's handles of some threads ({@code pthread_t} on Linux) to their OS thread ids,
     * for interpreters that record only the handle. Handles it cannot map are left out; an implementation that
     * knows no threading library returns an empty map. Never fails: a thread that ended is simply not mapped.
     */
    default Map<Long, Long> osThreadIds(List<Long> threadHandles) {
        return Map.of();
    }

    /** Path of the program file the process runs, as the process sees it. */
    String executablePath();

    /** The command line (argv); empty for kernel threads and zombies. */
    List<String> commandLine();

    /**
     * A path through which this JVM reads a file as the target sees it; differs from {@code pathInTarget} when the
     * target runs in another mount namespace (a container): on Linux, {@code /proc/<pid>/root<pathInTarget>}.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the file there is known not to be the one the
     *         process mapped (a core file's process, whose libraries were replaced since)
     */
    Path fileAsSeenByTarget(String pathInTarget);

    /**
     * The id this machine's kernel gives the thread that the process itself knows as {@code threadIdInProcess} (the
     * {@code gettid()} of that thread, which CPython records): they differ when the process runs in a PID namespace
     * of its own (a container seen from the host). 0 when no thread of the process has that id now. The default
     * suits processes that share this JVM's namespace.
     */
    default long hostThreadId(long threadIdInProcess) {
        return threadIdInProcess;
    }

    /** The process's id inside its own PID namespace, when that is not this JVM's (a container); else empty. */
    default OptionalLong namespacePid() {
        return OptionalLong.empty();
    }

    /**
     * What a reader of this process should be told about what it reads, one line each, e.g. that a mapped file
     * changed since a core file was made. Empty for a live process.
     */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * The symbols and sections of a binary mapped in this process, relocated to where it is loaded.
     * Empty when {@code path} is not mapped.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the file cannot be parsed
     */
    Optional<BinaryImage> image(String path);

    /**
     * Stops every thread of the process until the returned handle is closed. Used only while raw bytes
     * are copied, so keep the section short. Threads started while paused are stopped as well. The handle must be
     * closed by the thread that called this method (on Linux that thread is the ptrace tracer).
     *
     * @throws dev.pyspy4j.spi.SpyException PERMISSION_DENIED, PROCESS_EXITED
     */
    PauseHandle pause();

    /**
     * Stops at least the given threads (OS thread ids as {@link PauseHandle#stoppedThreads} names them) until the
     * returned handle is closed, for readers that can prove the other threads cannot change what they read (a
     * thread that does not hold CPython's GIL cannot change its Python frames). Ids of threads that ended are
     * skipped; threads started meanwhile are not stopped. The default stops every thread, which is always enough.
     * The same rules as {@link #pause()} apply to the handle.
     *
     * @throws dev.pyspy4j.spi.SpyException PERMISSION_DENIED, PROCESS_EXITED
     */
    default PauseHandle pauseThreads(Collection<Long> osThreadIds) {
        return pause();
    }

    /** Whether the process still runs (not exited, not a zombie). */
    boolean isAlive();

    @Override
    void close();
}
