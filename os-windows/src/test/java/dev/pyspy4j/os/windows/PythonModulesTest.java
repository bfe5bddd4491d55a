// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the interpreter among the modules of a process, by name as py-spy does. */
class PythonModulesTest {
    private static final ModuleEntry EXE = module(0x7ff7_1a2b_0000L, "C:\\Python313\\python.exe");
    private static final ModuleEntry NTDLL = module(0x7ffb_0000_0000L, "C:\\Windows\\SYSTEM32\\ntdll.dll");
    private static final ModuleEntry STABLE_ABI = module(0x7ffa_1000_0000L, "C:\\Python313\\python3.dll");
    private static final ModuleEntry DLL = module(0x7ffa_2000_0000L, "C:\\Python313\\PYTHON313.DLL");
    private static final ModuleEntry BOOST = module(0x7ffa_3000_0000L, "C:\\libs\\boost_python313.dll");

    @Test
    void interpreterDllNames() {
        assertThat(PythonModules.isInterpreterDll("python27.dll")).isTrue();
        assertThat(PythonModules.isInterpreterDll("python37.dll")).isTrue();
        assertThat(PythonModules.isInterpreterDll("python313.dll")).isTrue();
        assertThat(PythonModules.isInterpreterDll("Python314.DLL")).isTrue();
        assertThat(PythonModules.isInterpreterDll("python313_d.dll")).isTrue();
        assertThat(PythonModules.isInterpreterDll("python3.dll")).isFalse();
        assertThat(PythonModules.isInterpreterDll("python313.dll.mui")).isFalse();
        assertThat(PythonModules.isInterpreterDll("boost_python313.dll")).isFalse();
        assertThat(PythonModules.isInterpreterDll("python313.exe")).isFalse();
    }

    @Test
    void theDllWinsOverTheStableAbiForwarderAndLookalikes() {
        List<ModuleEntry> modules = List.of(EXE, NTDLL, STABLE_ABI, BOOST, DLL);

        assertThat(PythonModules.interpreter(modules, "C:\\Python313\\python.exe")).contains(DLL);
    }

    @Test
    void withoutTheDllTheProgramHoldsTheRuntime() {
        List<ModuleEntry> modules = List.of(EXE, NTDLL, STABLE_ABI);

        assertThat(PythonModules.interpreterDll(modules)).isEmpty();
        assertThat(PythonModules.interpreter(modules, "c:\\python313\\PYTHON.EXE")).contains(EXE);
    }

    @Test
    void pathsCompareWithoutCase() {
        assertThat(PythonModules.byPath(List.of(NTDLL, DLL), "c:\\python313\\python313.dll")).contains(DLL);
        assertThat(PythonModules.byPath(List.of(NTDLL, DLL), "C:\\Python312\\python313.dll")).isEmpty();
    }

    @Test
    void neitherDllNorProgramFindsNothing() {
        assertThat(PythonModules.interpreter(List.of(NTDLL), "C:\\tools\\app.exe")).isEmpty();
    }

    private static ModuleEntry module(long base, String path) {
        return ModuleEntry.decode(WindowsStructs.moduleEntry(1, base, 0x10_0000, path));
    }
}
