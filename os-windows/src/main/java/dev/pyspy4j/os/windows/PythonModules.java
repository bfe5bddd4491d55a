// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which loaded modules hold a Windows CPython, found as py-spy finds them: the interpreter DLL by its name,
 * {@code python<major><minor>.dll} ({@code python27.dll}, {@code python313.dll}, a debug build's {@code _d}
 * included, any case), and the program by the path {@code QueryFullProcessImageNameW} gives, compared without case as
 * Windows compares paths. {@code python3.dll}, the stable-ABI library that only forwards to the real one, does not
 * match. A build without the DLL (CPython linked into the exe) has its runtime in the program itself.
 */
final class PythonModules {
    private static final Pattern INTERPRETER_DLL = Pattern.compile("python\\d\\d\\d?[mdu]?(_d)?\\.dll",
            Pattern.CASE_INSENSITIVE);

    private PythonModules() {
    }

    static boolean isInterpreterDll(String fileName) {
        return INTERPRETER_DLL.matcher(fileName).matches();
    }

    /** The interpreter DLL among {@code modules}: the first whose file name is one. */
    static Optional<ModuleEntry> interpreterDll(List<ModuleEntry> modules) {
        return modules.stream().filter(module -> isInterpreterDll(fileName(module.path()))).findFirst();
    }

    /** The module of the program file, {@code executablePath}. */
    static Optional<ModuleEntry> program(List<ModuleEntry> modules, String executablePath) {
        return byPath(modules, executablePath);
    }

    /**
     * The module holding the interpreter's runtime: the interpreter DLL when one is loaded, else the program (a
     * static build, or not Python at all, which the caller finds out from its sections and exports).
     */
    static Optional<ModuleEntry> interpreter(List<ModuleEntry> modules, String executablePath) {
        return interpreterDll(modules).or(() -> program(modules, executablePath));
    }

    /** The module loaded from {@code path}, compared as Windows compares paths: without regard to case. */
    static Optional<ModuleEntry> byPath(List<ModuleEntry> modules, String path) {
        String wanted = path.toLowerCase(Locale.ROOT);
        return modules.stream().filter(module -> module.path().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static String fileName(String path) {
        int separator = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(separator + 1);
    }
}
