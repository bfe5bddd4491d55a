// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.Optional;

/**
 * libunwind's remote unwinding through ptrace, loaded once per JVM. The libraries are opened by their sonames, which
 * the runtime package (Debian's {@code libunwind8}) installs, so the development package is not needed.
 * {@code libunwind-ptrace.so.0} does not declare its dependency on {@code libunwind-x86_64.so.8}, whose symbols it
 * uses, so the latter is opened first and with {@code RTLD_GLOBAL}. That makes its own dependency
 * {@code libunwind.so.8}, which defines the {@code _Unwind_*} exception-handling functions, global too; it cannot take
 * them over from the JVM's {@code libgcc_s}, which was loaded earlier and so comes first in every later lookup.
 */
public final class Libunwind {
    /** The Debian package that ships both libraries, for messages. */
    public static final String PACKAGE = "libunwind8";
    static final String UNWINDER_SONAME = "libunwind-x86_64.so.8";
    static final String PTRACE_SONAME = "libunwind-ptrace.so.0";

    /** {@code unw_cursor_t} on x86_64: {@code UNW_TDEP_CURSOR_LEN} (127) words. */
    public static final int CURSOR_BYTES = 127 * 8;
    /** {@code UNW_REG_IP} on x86_64 ({@code UNW_X86_64_RIP}). */
    private static final int REG_IP = 16;
    /** {@code UNW_CACHE_PER_THREAD}. */
    private static final int CACHE_PER_THREAD = 2;

    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_GLOBAL = 0x100;

    private static final Loaded LOADED = load(UNWINDER_SONAME, PTRACE_SONAME);

    private Libunwind() {
    }

    /** The address of {@code _UPT_accessors}, or why the libraries could not be loaded. */
    record Loaded(long ptraceAccessors, String failure) {
    }

    /** Loads the libraries and binds the native methods to them; done once, for {@link #LOADED}. */
    static Loaded load(String unwinderSoname, String ptraceSoname) {
        try {
            Map<String, Object> global = Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_GLOBAL);
            NativeLibrary unwinder = NativeLibrary.getInstance(unwinderSoname, global);
            NativeLibrary ptrace = NativeLibrary.getInstance(ptraceSoname, global);
            Pointer accessors = ptrace.getGlobalVariableAddress("_UPT_accessors");
            Native.register(LibunwindX86_64.class, unwinder);
            Native.register(LibunwindPtrace.class, ptrace);
            return new Loaded(Pointer.nativeValue(accessors), null);
        } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
            return new Loaded(0, String.valueOf(e.getMessage()).lines().findFirst().orElse("not found"));
        }
    }

    /** Why libunwind cannot be used (the loader's first line of complaint); empty when it loaded. */
    public static Optional<String> unavailableBecause() {
        return Optional.ofNullable(LOADED.failure());
    }

    /**
     * A new address space that reads through ptrace, with a cache of unwind rules per sampling thread (no lock to take
     * per frame, unlike the global cache's, which blocks signals around each lookup).
     *
     * @return its address; 0 when libunwind is out of memory
     */
    public static long createPtraceAddressSpace() {
        requireLoaded();
        long addressSpace = LibunwindX86_64._Ux86_64_create_addr_space(LOADED.ptraceAccessors(), 0);
        if (addressSpace != 0) {
            LibunwindX86_64._Ux86_64_set_caching_policy(addressSpace, CACHE_PER_THREAD);
        }
        return addressSpace;
    }

    public static void destroyAddressSpace(long addressSpace) {
        LibunwindX86_64._Ux86_64_destroy_addr_space(addressSpace);
    }

    /** Forgets every cached unwind rule of the address space and adds one to its cache generation. */
    public static void flushCache(long addressSpace) {
        LibunwindX86_64._Ux86_64_flush_cache(addressSpace, 0, 0);
    }

    /** The ptrace accessors' state for thread {@code tid}; 0 when out of memory. */
    public static long createPtraceState(long tid) {
        return LibunwindPtrace._UPT_create((int) tid);
    }

    public static void destroyPtraceState(long state) {
        LibunwindPtrace._UPT_destroy(state);
    }

    /** Points {@code cursor} at the innermost frame of the thread {@code ptraceState} reads; negative on failure. */
    public static int initRemote(long cursor, long addressSpace, long ptraceState) {
        return LibunwindX86_64._Ux86_64_init_remote(cursor, addressSpace, ptraceState);
    }

    /** Moves {@code cursor} to the caller: positive when it did, 0 past the outermost frame, negative on failure. */
    public static int step(long cursor) {
        return LibunwindX86_64._Ux86_64_step(cursor);
    }

    /** Stores the cursor frame's instruction pointer at {@code valueAddress}; negative on failure. */
    public static int instructionPointer(long cursor, long valueAddress) {
        return LibunwindX86_64._Ux86_64_get_reg(cursor, REG_IP, valueAddress);
    }

    /** libunwind's text for a negative result. */
    public static String describe(int errorCode) {
        return LibunwindX86_64._Ux86_64_strerror(errorCode);
    }

    private static void requireLoaded() {
        if (LOADED.failure() != null) {
            throw new IllegalStateException("libunwind is not loaded: " + LOADED.failure());
        }
    }
}
