// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.calls.VmRegion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** {@link MacCalls} on the real system, through {@link LibSystem}. Loaded only on macOS ({@link NativeMacCalls}). */
final class JnaMacCalls implements MacCalls {
    /** {@code PROC_PIDPATHINFO_MAXSIZE} of {@code <sys/proc_info.h>}: {@code 4 * MAXPATHLEN}. */
    private static final int PATH_MAX_SIZE = 4 * 1024;
    private static final int KERN_ARGMAX = 8;
    private static final int CTL_KERN = 1;
    private static final int KERN_PROCARGS2 = 49;
    private static final int VM_REGION_BASIC_INFO_64 = 9;
    private static final int VM_REGION_BASIC_INFO_COUNT_64 = 9;
    private static final int MACH_PORT_NULL = 0;

    private final int self = LibSystem.machTaskSelf();

    @Override
    public int geteuid() {
        return LibSystem.geteuid();
    }

    @Override
    public int signalProbe(int pid) {
        try {
            LibSystem.kill(pid, 0);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    @Override
    public int taskForPid(int pid) {
        int[] task = new int[1];
        check("task_for_pid", LibSystem.task_for_pid(self, pid, task));
        return task[0];
    }

    @Override
    public String procPidPath(int pid) {
        byte[] buffer = new byte[PATH_MAX_SIZE];
        try {
            int length = LibSystem.proc_pidpath(pid, buffer, buffer.length);
            if (length <= 0) {
                throw MachCallException.errno("proc_pidpath", KernReturn.ESRCH);
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        } catch (LastErrorException e) {
            throw MachCallException.errno("proc_pidpath", e.getErrorCode());
        }
    }

    @Override
    public byte[] procArgs2(int pid) {
        try {
            byte[] argMax = new byte[4];
            LibSystem.sysctl(new int[] {CTL_KERN, KERN_ARGMAX}, 2, argMax, new long[] {4}, null, 0);
            int size = ByteBuffer.wrap(argMax).order(ByteOrder.nativeOrder()).getInt(0);
            byte[] area = new byte[size];
            long[] length = {size};
            LibSystem.sysctl(new int[] {CTL_KERN, KERN_PROCARGS2, pid}, 3, area, length, null, 0);
            return Arrays.copyOf(area, (int) Math.min(length[0], size));
        } catch (LastErrorException e) {
            throw MachCallException.errno("sysctl(KERN_PROCARGS2)", e.getErrorCode());
        }
    }

    @Override
    public Optional<VmRegion> machVmRegion(int task, long address) {
        long[] start = {address};
        long[] size = new long[1];
        int[] info = new int[VM_REGION_BASIC_INFO_COUNT_64];
        int[] count = {VM_REGION_BASIC_INFO_COUNT_64};
        int[] objectName = new int[1];
        int result = LibSystem.mach_vm_region(task, start, size, VM_REGION_BASIC_INFO_64, info, count, objectName);
        if (objectName[0] != MACH_PORT_NULL) {
            LibSystem.mach_port_deallocate(self, objectName[0]);
        }
        if (result == KernReturn.KERN_INVALID_ADDRESS) {
            return Optional.empty();
        }
        check("mach_vm_region", result);
        return Optional.of(new VmRegion(start[0], size[0], littleEndian(info, count[0])));
    }

    @Override
    public String procRegionFilename(int pid, long address) {
        byte[] buffer = new byte[PATH_MAX_SIZE];
        int length = LibSystem.proc_regionfilename(pid, address, buffer, buffer.length);
        return length <= 0 ? "" : new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public void machVmReadOverwrite(int task, long address, byte[] dst, int offset, int length) {
        Memory memory = new Memory(length);
        long[] copied = new long[1];
        check("mach_vm_read_overwrite", LibSystem.mach_vm_read_overwrite(task, address, length,
                Pointer.nativeValue(memory), copied));
        if (copied[0] != length) {
            throw MachCallException.kern("mach_vm_read_overwrite", KernReturn.KERN_INVALID_ADDRESS);
        }
        memory.read(0, dst, offset, length);
    }

    @Override
    public int[] taskThreads(int task) {
        long[] list = new long[1];
        int[] count = new int[1];
        check("task_threads", LibSystem.task_threads(task, list, count));
        try {
            return new Pointer(list[0]).getIntArray(0, count[0]);
        } finally {
            // The list itself is memory the kernel allocated in this task (out-of-line data of the reply).
            LibSystem.mach_vm_deallocate(self, list[0], (long) count[0] * Integer.BYTES);
        }
    }

    @Override
    public byte[] threadInfo(int thread, int flavor, int count) {
        int[] info = new int[count];
        int[] filled = {count};
        check("thread_info", LibSystem.thread_info(thread, flavor, info, filled));
        return littleEndian(info, filled[0]);
    }

    @Override
    public byte[] threadGetState(int thread, int flavor, int count) {
        int[] state = new int[count];
        int[] filled = {count};
        check("thread_get_state", LibSystem.thread_get_state(thread, flavor, state, filled));
        return littleEndian(state, filled[0]);
    }

    @Override
    public void taskSuspend(int task) {
        check("task_suspend", LibSystem.task_suspend(task));
    }

    @Override
    public void taskResume(int task) {
        check("task_resume", LibSystem.task_resume(task));
    }

    @Override
    public void threadSuspend(int thread) {
        check("thread_suspend", LibSystem.thread_suspend(thread));
    }

    @Override
    public void threadResume(int thread) {
        check("thread_resume", LibSystem.thread_resume(thread));
    }

    @Override
    public void machPortDeallocate(int port) {
        check("mach_port_deallocate", LibSystem.mach_port_deallocate(self, port));
    }

    private static void check(String call, int kernReturn) {
        if (kernReturn != KernReturn.KERN_SUCCESS) {
            throw MachCallException.kern(call, kernReturn);
        }
    }

    /** The first {@code count} words as the kernel wrote them (little-endian on x86_64 and arm64). */
    private static byte[] littleEndian(int[] words, int count) {
        int kept = Math.max(0, Math.min(count, words.length));
        ByteBuffer bytes = ByteBuffer.allocate(kept * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(words, 0, kept);
        return bytes.array();
    }
}
