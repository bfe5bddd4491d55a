// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure layouts and constants this module (and {@link WindowsStructs}, which lays out the tests' bytes)
 * relies on, checked against the Windows headers MinGW-w64 ships ({@code windows.h}, {@code tlhelp32.h},
 * {@code winternl.h}, {@code ntstatus.h}): the test writes a C file of {@code _Static_assert}s with this module's
 * numbers and MinGW-w64's gcc must accept it. {@code ProcessCommandLineInformation} (60) and the kernel's thread
 * states after {@code StateTransition} are not in those headers; phnt's {@code ntpsapi.h} and {@code ntkeapi.h} are
 * their source.
 */
class WindowsHeadersMingwTest {
    @TempDir
    Path tmp;

    private final List<String> asserts = new ArrayList<>();

    @Test
    void layoutsAndConstantsMatchTheHeaders() throws IOException {
        size("MEMORY_BASIC_INFORMATION", MemoryBasicInformation.SIZE);
        offset("MEMORY_BASIC_INFORMATION", "BaseAddress", 0);
        offset("MEMORY_BASIC_INFORMATION", "AllocationBase", 8);
        offset("MEMORY_BASIC_INFORMATION", "AllocationProtect", 16);
        offset("MEMORY_BASIC_INFORMATION", "RegionSize", 24);
        offset("MEMORY_BASIC_INFORMATION", "State", 32);
        offset("MEMORY_BASIC_INFORMATION", "Protect", 36);
        offset("MEMORY_BASIC_INFORMATION", "Type", 40);

        size("MODULEENTRY32W", ModuleEntry.SIZE);
        offset("MODULEENTRY32W", "th32ProcessID", 8);
        offset("MODULEENTRY32W", "modBaseAddr", 24);
        offset("MODULEENTRY32W", "modBaseSize", 32);
        offset("MODULEENTRY32W", "hModule", 40);
        offset("MODULEENTRY32W", "szModule", 48);
        offset("MODULEENTRY32W", "szExePath", 560);

        size("THREADENTRY32", ThreadEntry.SIZE);
        offset("THREADENTRY32", "th32ThreadID", 8);
        offset("THREADENTRY32", "th32OwnerProcessID", 12);

        size("UNICODE_STRING", 16);
        offset("UNICODE_STRING", "Length", 0);
        offset("UNICODE_STRING", "MaximumLength", 2);
        offset("UNICODE_STRING", "Buffer", 8);

        size("SYSTEM_PROCESS_INFORMATION", SystemProcessRecords.PROCESS_RECORD_SIZE);
        offset("SYSTEM_PROCESS_INFORMATION", "NumberOfThreads", 4);
        offset("SYSTEM_PROCESS_INFORMATION", "ImageName", 0x38);
        offset("SYSTEM_PROCESS_INFORMATION", "UniqueProcessId", 0x50);
        size("SYSTEM_THREAD_INFORMATION", SystemProcessRecords.THREAD_RECORD_SIZE);
        offset("SYSTEM_THREAD_INFORMATION", "StartAddress", 0x20);
        offset("SYSTEM_THREAD_INFORMATION", "ClientId.UniqueProcess", 0x28);
        offset("SYSTEM_THREAD_INFORMATION", "ClientId.UniqueThread", 0x30);
        offset("SYSTEM_THREAD_INFORMATION", "ThreadState", 0x44);
        offset("SYSTEM_THREAD_INFORMATION", "WaitReason", 0x48);

        size("CONTEXT", ThreadContext.SIZE);
        offset("CONTEXT", "ContextFlags", ThreadContext.CONTEXT_FLAGS);
        String[] registers = {"Rax", "Rcx", "Rdx", "Rbx", "Rsp", "Rbp", "Rsi", "Rdi", "R8", "R9", "R10", "R11",
                "R12", "R13", "R14", "R15", "Rip"};
        for (int i = 0; i < registers.length; i++) {
            offset("CONTEXT", registers[i], 0x78 + 8 * i);
        }

        constant("PROCESS_VM_READ | PROCESS_QUERY_INFORMATION | PROCESS_SUSPEND_RESUME",
                WindowsProcessAccessProvider.ACCESS);
        constant("THREAD_GET_CONTEXT | THREAD_QUERY_LIMITED_INFORMATION", SuspendedProcess.THREAD_ACCESS);
        constant("CONTEXT_AMD64 | CONTEXT_CONTROL | CONTEXT_INTEGER", ThreadContext.CONTROL_AND_INTEGER);
        constant("TH32CS_SNAPTHREAD", Toolhelp.TH32CS_SNAPTHREAD);
        constant("TH32CS_SNAPMODULE", Toolhelp.TH32CS_SNAPMODULE);
        constant("MEM_COMMIT", MemoryBasicInformation.MEM_COMMIT);
        constant("MEM_IMAGE", MemoryBasicInformation.MEM_IMAGE);
        constant("MEM_MAPPED", MemoryBasicInformation.MEM_MAPPED);
        constant("PAGE_GUARD", RegionMapper.PAGE_GUARD);
        constant("PAGE_READONLY", 0x02);
        constant("PAGE_READWRITE", 0x04);
        constant("PAGE_WRITECOPY", 0x08);
        constant("PAGE_EXECUTE", 0x10);
        constant("PAGE_EXECUTE_READ", 0x20);
        constant("PAGE_EXECUTE_READWRITE", 0x40);
        constant("PAGE_EXECUTE_WRITECOPY", 0x80);
        constant("STILL_ACTIVE", WindowsErrors.STILL_ACTIVE);
        constant("ERROR_ACCESS_DENIED", WindowsErrors.ERROR_ACCESS_DENIED);
        constant("ERROR_INVALID_HANDLE", WindowsErrors.ERROR_INVALID_HANDLE);
        constant("ERROR_INVALID_PARAMETER", WindowsErrors.ERROR_INVALID_PARAMETER);
        constant("ERROR_PARTIAL_COPY", WindowsErrors.ERROR_PARTIAL_COPY);
        constant("ERROR_BAD_LENGTH", Toolhelp.ERROR_BAD_LENGTH);
        constant("STATUS_ACCESS_DENIED", WindowsErrors.STATUS_ACCESS_DENIED);
        constant("STATUS_INVALID_HANDLE", WindowsErrors.STATUS_INVALID_HANDLE);
        constant("STATUS_PROCESS_IS_TERMINATING", WindowsErrors.STATUS_PROCESS_IS_TERMINATING);
        constant("SystemProcessInformation", SystemProcessActivityProbe.SYSTEM_PROCESS_INFORMATION);
        constant("StateInitialized", WaitStateClassifier.INITIALIZED);
        constant("StateReady", WaitStateClassifier.READY);
        constant("StateRunning", WaitStateClassifier.RUNNING);
        constant("StateStandby", WaitStateClassifier.STANDBY);
        constant("StateTerminated", WaitStateClassifier.TERMINATED);
        constant("StateWait", WaitStateClassifier.WAITING);
        constant("StateTransition", WaitStateClassifier.TRANSITION);
        constant("FreePage", WaitStateClassifier.WAIT_FREE_PAGE);
        constant("PageIn", WaitStateClassifier.WAIT_PAGE_IN);
        constant("PoolAllocation", WaitStateClassifier.WAIT_POOL_ALLOCATION);
        constant("DelayExecution", WaitStateClassifier.WAIT_DELAY_EXECUTION);
        constant("UserRequest", WaitStateClassifier.WAIT_USER_REQUEST);
        constant("WrFreePage", WaitStateClassifier.WAIT_WR_FREE_PAGE);
        constant("WrPageIn", WaitStateClassifier.WAIT_WR_PAGE_IN);
        constant("WrPoolAllocation", WaitStateClassifier.WAIT_WR_POOL_ALLOCATION);
        constant("WrQueue", WaitStateClassifier.WAIT_WR_QUEUE);
        constant("WrVirtualMemory", WaitStateClassifier.WAIT_WR_VIRTUAL_MEMORY);
        constant("WrPageOut", WaitStateClassifier.WAIT_WR_PAGE_OUT);

        Path source = tmp.resolve("layouts.c");
        Files.writeString(source, """
                #define WIN32_NO_STATUS
                #include <windows.h>
                #undef WIN32_NO_STATUS
                #include <ntstatus.h>
                #include <tlhelp32.h>
                #include <winternl.h>
                #include <stddef.h>
                """ + String.join("\n", asserts) + "\n");
        assertThat(asserts).hasSizeGreaterThan(80);
        assertThat(compile(source)).isEmpty();
    }

    /** A file whose assertion is false is refused: the check can fail. */
    @Test
    void aWrongOffsetIsRefused() throws IOException {
        Path source = tmp.resolve("wrong.c");
        Files.writeString(source, "#include <windows.h>\n#include <tlhelp32.h>\n#include <stddef.h>\n"
                + "_Static_assert(offsetof(MODULEENTRY32W, szExePath) == 561, \"szExePath\");\n");
        assertThat(compile(source)).contains("szExePath");
    }

    private void size(String type, long expected) {
        asserts.add(String.format(Locale.ROOT, "_Static_assert(sizeof(%s) == %d, \"sizeof %s\");", type, expected,
                type));
    }

    private void offset(String type, String field, long expected) {
        asserts.add(String.format(Locale.ROOT, "_Static_assert(offsetof(%s, %s) == %d, \"%s.%s\");", type, field,
                expected, type, field));
    }

    private void constant(String expression, long expected) {
        asserts.add(String.format(Locale.ROOT, "_Static_assert((unsigned long)(%s) == 0x%xUL, \"%s\");", expression,
                expected & 0xffff_ffffL, expression));
    }

    /** gcc's diagnostics, empty when it accepted the file. */
    private static String compile(Path source) {
        MingwTools.Result gcc = MingwTools.run("x86_64-w64-mingw32-gcc", "-fsyntax-only", source.toString());
        return gcc.exitStatus() == 0 ? gcc.output() : "exit " + gcc.exitStatus() + ": " + gcc.output();
    }
}
