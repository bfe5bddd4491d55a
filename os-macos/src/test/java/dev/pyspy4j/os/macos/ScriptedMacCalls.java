// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.calls.VmRegion;
import dev.pyspy4j.os.macos.decode.ThreadBasicInfo;
import dev.pyspy4j.os.macos.decode.ThreadExtendedInfo;
import dev.pyspy4j.os.macos.decode.ThreadIdentifierInfo;
import dev.pyspy4j.os.macos.decode.VmRegionBasicInfo64;
import dev.pyspy4j.os.macos.decode.X86ThreadState64;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A scripted macOS: {@link MacCalls} answering from what a test set up, never from a real system (nothing here was
 * recorded on a Mac). The structures it hands back are laid out byte by byte as xnu's headers declare them, so the
 * provider's decoders read them as they read the kernel's. It keeps a journal of the calls that change the target
 * (suspend, resume, read) and counts the send rights it hands out, so tests can check order and leaks.
 */
final class ScriptedMacCalls implements MacCalls {
    static final int TASK_PORT = 0x1503;

    /** One scripted thread: what THREAD_IDENTIFIER_INFO and THREAD_BASIC_INFO report for it. */
    static final class Thread {
        final long id;
        final long handle;
        int runState = ThreadBasicInfo.TH_STATE_WAITING;
        int flags;
        boolean ended;
        /** Ends right after task_threads lists it: its port is valid, thread_info on it fails. */
        boolean endsWhenListed;
        boolean basicInfoFails;
        /** Ends just before thread_suspend reaches it. */
        boolean endsBeforeSuspend;
        long[] x86Registers;
        String name = "";

        Thread(long id, long handle) {
            this.id = id;
            this.handle = handle;
        }
    }

    /** One scripted region: where, how long, {@code VM_PROT_*}, the file offset and the file's path. */
    record Region(long start, long size, int protection, boolean shared, long offset, String path) {
    }

    int euid;
    final Set<Integer> processes = new HashSet<>();
    final Map<Integer, String> programs = new HashMap<>();
    Integer taskForPidFailure;
    boolean exitOnTaskForPid;
    byte[] procArgs2;
    final List<Region> regions = new ArrayList<>();
    final TreeMap<Long, byte[]> memory = new TreeMap<>();
    final List<Thread> threads = new ArrayList<>();
    final List<String> journal = new ArrayList<>();
    /** The read (counted from 1) that fails with KERN_PROTECTION_FAILURE; 0 for none. */
    int failingRead;
    int reads;
    int regionCalls;
    /** A confused binding's answer to every mach_vm_region call, whatever the address; null for a sane kernel. */
    Region sameRegionEveryTime;
    private final Map<Integer, Thread> byPort = new LinkedHashMap<>();
    private final Map<Integer, Integer> sendRights = new HashMap<>();
    private int nextPort = 0x2003;

    ScriptedMacCalls(int pid) {
        processes.add(pid);
    }

    Thread thread(long id, long handle) {
        Thread thread = new Thread(id, handle);
        threads.add(thread);
        return thread;
    }

    void region(long start, long size, int protection, long offset, String path) {
        regions.add(new Region(start, size, protection, false, offset, path));
    }

    void bytes(long address, byte[] bytes) {
        memory.put(address, bytes);
    }

    /** Send rights handed out and not given back, by port. */
    Map<Integer, Integer> leakedPorts() {
        Map<Integer, Integer> leaked = new HashMap<>();
        sendRights.forEach((port, count) -> {
            if (count != 0) {
                leaked.put(port, count);
            }
        });
        return leaked;
    }

    @Override
    public int geteuid() {
        return euid;
    }

    @Override
    public int signalProbe(int pid) {
        return processes.contains(pid) ? 0 : KernReturn.ESRCH;
    }

    @Override
    public int taskForPid(int pid) {
        if (exitOnTaskForPid) {
            processes.remove(pid);
        }
        if (!processes.contains(pid)) {
            throw MachCallException.kern("task_for_pid", KernReturn.KERN_FAILURE);
        }
        if (taskForPidFailure != null) {
            throw MachCallException.kern("task_for_pid", taskForPidFailure);
        }
        sendRights.merge(TASK_PORT, 1, Integer::sum);
        return TASK_PORT;
    }

    @Override
    public String procPidPath(int pid) {
        String program = programs.get(pid);
        if (program == null || !processes.contains(pid)) {
            throw MachCallException.errno("proc_pidpath", KernReturn.ESRCH);
        }
        return program;
    }

    @Override
    public byte[] procArgs2(int pid) {
        if (procArgs2 == null) {
            throw MachCallException.errno("sysctl(KERN_PROCARGS2)", 22);
        }
        return procArgs2.clone();
    }

    @Override
    public Optional<VmRegion> machVmRegion(int task, long address) {
        requireTask(task);
        regionCalls++;
        if (sameRegionEveryTime != null) {
            return Optional.of(new VmRegion(sameRegionEveryTime.start(), sameRegionEveryTime.size(),
                    basicInfo(sameRegionEveryTime)));
        }
        List<Region> byStart = new ArrayList<>(regions);
        byStart.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        for (Region region : byStart) {
            if (Long.compareUnsigned(region.start() + region.size(), address) > 0) {
                return Optional.of(new VmRegion(region.start(), region.size(), basicInfo(region)));
            }
        }
        return Optional.empty();
    }

    /** {@code vm_region_basic_info_64} as {@code osfmk/mach/vm_region.h} lays it out (pack 4, 36 bytes). */
    static byte[] basicInfo(Region region) {
        ByteBuffer info = ByteBuffer.allocate(VmRegionBasicInfo64.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        info.putInt(0, region.protection()).putInt(4, 7).putInt(8, 1).putInt(12, region.shared() ? 1 : 0)
                .putInt(16, 0).putLong(20, region.offset()).putInt(28, 0).putShort(32, (short) 0);
        return info.array();
    }

    @Override
    public String procRegionFilename(int pid, long address) {
        for (Region region : regions) {
            if (region.start() == address) {
                return region.path();
            }
        }
        return "";
    }

    @Override
    public void machVmReadOverwrite(int task, long address, byte[] dst, int offset, int length) {
        requireTask(task);
        reads++;
        journal.add(String.format("read 0x%x+%d", address, length));
        if (reads == failingRead) {
            throw MachCallException.kern("mach_vm_read_overwrite", KernReturn.KERN_PROTECTION_FAILURE);
        }
        Map.Entry<Long, byte[]> block = memory.floorEntry(address);
        if (block == null || address + length > block.getKey() + block.getValue().length) {
            throw MachCallException.kern("mach_vm_read_overwrite", KernReturn.KERN_INVALID_ADDRESS);
        }
        System.arraycopy(block.getValue(), (int) (address - block.getKey()), dst, offset, length);
    }

    @Override
    public int[] taskThreads(int task) {
        requireTask(task);
        List<Integer> ports = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.ended) {
                continue;
            }
            int port = portOf(thread);
            sendRights.merge(port, 1, Integer::sum);
            ports.add(port);
            thread.ended = thread.endsWhenListed;
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    private int portOf(Thread thread) {
        for (Map.Entry<Integer, Thread> entry : byPort.entrySet()) {
            if (entry.getValue() == thread) {
                return entry.getKey();
            }
        }
        int port = nextPort;
        nextPort += 0x100;
        byPort.put(port, thread);
        return port;
    }

    @Override
    public byte[] threadInfo(int port, int flavor, int count) {
        Thread thread = liveThread(port, "thread_info");
        ByteBuffer info = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        if (flavor == ThreadIdentifierInfo.FLAVOR) {
            info.putLong(0, thread.id).putLong(8, thread.handle).putLong(16, 0);
        } else if (flavor == ThreadExtendedInfo.FLAVOR) {
            info.putLong(0, 1_000).putLong(8, 2_000).putInt(16, 0).putInt(20, 1).putInt(24, thread.runState)
                    .putInt(28, thread.flags).putInt(32, 0).putInt(36, 31).putInt(40, 31).putInt(44, 63)
                    .put(48, thread.name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (flavor == ThreadBasicInfo.FLAVOR) {
            if (thread.basicInfoFails) {
                throw MachCallException.kern("thread_info", KernReturn.KERN_INVALID_ARGUMENT);
            }
            info.putInt(0, 1).putInt(4, 500).putInt(8, 0).putInt(12, 20).putInt(16, 7).putInt(20, 1)
                    .putInt(24, thread.runState).putInt(28, thread.flags).putInt(32, 0).putInt(36, 0);
        } else {
            throw MachCallException.kern("thread_info", KernReturn.KERN_INVALID_ARGUMENT);
        }
        return info.array();
    }

    @Override
    public byte[] threadGetState(int port, int flavor, int count) {
        Thread thread = liveThread(port, "thread_get_state");
        if (flavor != X86ThreadState64.FLAVOR || thread.x86Registers == null) {
            throw MachCallException.kern("thread_get_state", KernReturn.KERN_INVALID_ARGUMENT);
        }
        ByteBuffer state = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int slot = 0; slot < thread.x86Registers.length; slot++) {
            state.putLong(slot * 8, thread.x86Registers[slot]);
        }
        return state.array();
    }

    private Thread liveThread(int port, String call) {
        Thread thread = byPort.get(port);
        if (thread == null || thread.ended) {
            throw MachCallException.kern(call, KernReturn.MACH_SEND_INVALID_DEST);
        }
        return thread;
    }

    @Override
    public void taskSuspend(int task) {
        requireTask(task);
        journal.add("task_suspend");
    }

    @Override
    public void taskResume(int task) {
        requireTask(task);
        journal.add("task_resume");
    }

    @Override
    public void threadSuspend(int port) {
        Thread candidate = byPort.get(port);
        if (candidate != null && candidate.endsBeforeSuspend) {
            candidate.ended = true;
        }
        Thread thread = liveThread(port, "thread_suspend");
        journal.add("thread_suspend " + thread.id);
    }

    @Override
    public void threadResume(int port) {
        Thread thread = liveThread(port, "thread_resume");
        journal.add("thread_resume " + thread.id);
    }

    @Override
    public void machPortDeallocate(int port) {
        Integer rights = sendRights.get(port);
        if (rights == null || rights == 0) {
            throw MachCallException.kern("mach_port_deallocate", KernReturn.KERN_INVALID_ARGUMENT);
        }
        sendRights.put(port, rights - 1);
        if (port == TASK_PORT) {
            journal.add("deallocate task port");
        }
    }

    private void requireTask(int task) {
        if (task != TASK_PORT || sendRights.getOrDefault(TASK_PORT, 0) == 0) {
            throw MachCallException.kern("task call", KernReturn.MACH_SEND_INVALID_DEST);
        }
        if (processes.isEmpty()) {
            throw MachCallException.kern("task call", KernReturn.MACH_SEND_INVALID_DEST);
        }
    }
}
