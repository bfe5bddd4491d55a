// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.calls;

import java.util.Optional;

/**
 * The macOS system calls and library functions the provider makes, one method each, taking and returning plain values
 * and the raw bytes of the structures the kernel fills in. Everything the provider decides (which binary holds the
 * interpreter, in which order threads are stopped and resumed, how a failure reads) sits above this interface, so
 * that it runs on any machine against a scripted implementation; only {@code dev.pyspy4j.os.macos.jna} talks to the
 * real system.
 *
 * <p>Ports ({@code mach_port_t}, {@code task_t}, {@code thread_act_t}) are 32-bit names, passed as {@code int}. A
 * method that fails throws {@link MachCallException} with the {@code kern_return_t} or {@code errno} it got; every
 * port a method hands out must be given back with {@link #machPortDeallocate}.
 */
public interface MacCalls {
    /** {@code geteuid()}. */
    int geteuid();

    /** {@code kill(pid, 0)}: 0 when the process exists and may be signalled, else the {@code errno} (ESRCH, EPERM). */
    int signalProbe(int pid);

    /** {@code task_for_pid(mach_task_self(), pid, &task)}: the task port of {@code pid}. */
    int taskForPid(int pid);

    /** {@code proc_pidpath(pid, ...)}: the path of the program file the process runs. */
    String procPidPath(int pid);

    /** {@code sysctl({CTL_KERN, KERN_PROCARGS2, pid})}: the raw argument area, decoded by {@code ProcArgs2}. */
    byte[] procArgs2(int pid);

    /**
     * {@code mach_vm_region(task, &address, &size, VM_REGION_BASIC_INFO_64, info, &count, &objectName)}: the first
     * region at or above {@code address}; empty when there is none ({@code KERN_INVALID_ADDRESS}). The returned
     * object name port, if any, is already deallocated.
     */
    Optional<VmRegion> machVmRegion(int task, long address);

    /** {@code proc_regionfilename(pid, address, ...)}: the file mapped at {@code address}; empty when none is. */
    String procRegionFilename(int pid, long address);

    /** {@code mach_vm_read_overwrite(task, address, length, dst + offset, &outSize)}: all bytes or a failure. */
    void machVmReadOverwrite(int task, long address, byte[] dst, int offset, int length);

    /** {@code task_threads(task, &list, &count)}: one send right per thread; the list's own memory is already freed. */
    int[] taskThreads(int task);

    /** {@code thread_info(thread, flavor, info, &count)} with {@code count} 32-bit words: the raw structure. */
    byte[] threadInfo(int thread, int flavor, int count);

    /** {@code thread_get_state(thread, flavor, state, &count)} with {@code count} 32-bit words: the raw structure. */
    byte[] threadGetState(int thread, int flavor, int count);

    /** {@code task_suspend(task)}: stops every thread of the task (a counted suspension). */
    void taskSuspend(int task);

    /** {@code task_resume(task)}. */
    void taskResume(int task);

    /** {@code thread_suspend(thread)}. */
    void threadSuspend(int thread);

    /** {@code thread_resume(thread)}. */
    void threadResume(int thread);

    /** {@code mach_port_deallocate(mach_task_self(), port)}. */
    void machPortDeallocate(int port);
}
