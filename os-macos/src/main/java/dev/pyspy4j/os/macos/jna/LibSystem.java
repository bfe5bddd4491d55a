// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The functions of macOS's {@code libSystem} the provider calls, bound by JNA direct mapping. Prototypes from the
 * SDK's headers: {@code <mach/mach_traps.h>} ({@code task_for_pid}), {@code <mach/mach_vm.h>}
 * ({@code mach_vm_read_overwrite}, {@code mach_vm_region}, {@code mach_vm_deallocate}), {@code <mach/task.h>}
 * ({@code task_threads}, {@code task_suspend}, {@code task_resume}), {@code <mach/thread_act.h>}
 * ({@code thread_info}, {@code thread_get_state}, {@code thread_suspend}, {@code thread_resume}),
 * {@code <mach/mach_port.h>} ({@code mach_port_deallocate}), {@code <libproc.h>} ({@code proc_pidpath},
 * {@code proc_regionfilename}), {@code <sys/sysctl.h>}. Ports are {@code mach_port_t}, an unsigned 32-bit name;
 * {@code mach_vm_address_t} and {@code mach_vm_size_t} are 64-bit; {@code size_t} is 64-bit on both architectures.
 * Out parameters are one-element arrays. Use {@link JnaMacCalls}.
 */
final class LibSystem {
    private static final String LIBRARY = "System";

    static {
        Native.register(LibSystem.class, LIBRARY);
    }

    private LibSystem() {
    }

    /** {@code mach_task_self()}, a macro reading the global {@code mach_task_self_} ({@code <mach/mach_init.h>}). */
    static int machTaskSelf() {
        return NativeLibrary.getInstance(LIBRARY).getGlobalVariableAddress("mach_task_self_").getInt(0);
    }

    static native int task_for_pid(int targetTport, int pid, int[] task);

    static native int mach_vm_read_overwrite(int task, long address, long size, long data, long[] outSize);

    static native int mach_vm_region(int task, long[] address, long[] size, int flavor, int[] info, int[] infoCount,
                                     int[] objectName);

    static native int mach_vm_deallocate(int task, long address, long size);

    static native int task_threads(int task, long[] threadList, int[] count);

    static native int thread_info(int thread, int flavor, int[] info, int[] count);

    static native int thread_get_state(int thread, int flavor, int[] state, int[] count);

    static native int task_suspend(int task);

    static native int task_resume(int task);

    static native int thread_suspend(int thread);

    static native int thread_resume(int thread);

    static native int mach_port_deallocate(int space, int name);

    static native int proc_pidpath(int pid, byte[] buffer, int bufferSize) throws LastErrorException;

    static native int proc_regionfilename(int pid, long address, byte[] buffer, int bufferSize);

    static native int sysctl(int[] name, int nameLength, byte[] oldValue, long[] oldLength, byte[] newValue,
                             long newLength) throws LastErrorException;

    static native int geteuid();

    static native int kill(int pid, int signal) throws LastErrorException;
}
