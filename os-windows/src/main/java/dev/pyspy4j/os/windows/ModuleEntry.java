// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

/**
 * One module (the exe or a DLL) of a process, from a {@code MODULEENTRY32W} that {@code Module32FirstW}/{@code
 * NextW} wrote. x64 layout (Windows SDK {@code tlhelp32.h}, {@code tagMODULEENTRY32W}): {@code dwSize} 0,
 * {@code th32ModuleID} 4, {@code th32ProcessID} 8, {@code GlblcntUsage} 12, {@code ProccntUsage} 16, padding,
 * {@code modBaseAddr} 24, {@code modBaseSize} 32, padding, {@code hModule} 40, {@code szModule[256]} 48,
 * {@code szExePath[260]} 560; 1080 bytes.
 *
 * @param base the address the module is loaded at (its {@code HMODULE}); minus the PE image base it is the slide
 * @param size bytes of the loaded image ({@code SizeOfImage})
 * @param name the file name ({@code python313.dll})
 * @param path the full Win32 path
 */
record ModuleEntry(long base, long size, String name, String path) {
    static final int SIZE = 1080;
    private static final int MAX_MODULE_NAME32 = 256;
    private static final int MAX_PATH = 260;

    static ModuleEntry decode(byte[] bytes) {
        StructBytes struct = new StructBytes(bytes, "MODULEENTRY32W");
        if (struct.size() < SIZE) {
            throw struct.malformed(struct.size() + " bytes, not " + SIZE);
        }
        return new ModuleEntry(struct.u64(24, "modBaseAddr"), struct.u32(32, "modBaseSize"),
                struct.wideString(48, MAX_MODULE_NAME32, "szModule"), struct.wideString(560, MAX_PATH, "szExePath"));
    }

    boolean contains(long address) {
        return Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address - base, size) < 0;
    }
}
