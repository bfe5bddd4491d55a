// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows.jna;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The ntdll functions the provider calls, as phnt declares them ({@code ntpsapi.h}, {@code ntexapi.h}): each returns
 * an NTSTATUS, negative on failure.
 */
interface Ntdll extends Library {
    int NtQueryInformationProcess(long processHandle, int processInformationClass, Pointer processInformation,
                                  int processInformationLength, IntByReference returnLength);

    int NtQuerySystemInformation(int systemInformationClass, Pointer systemInformation, int systemInformationLength,
                                 IntByReference returnLength);

    int NtSuspendProcess(long processHandle);

    int NtResumeProcess(long processHandle);
}
