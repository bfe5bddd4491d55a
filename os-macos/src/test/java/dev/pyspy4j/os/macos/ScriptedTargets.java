// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;

/** Providers wired to scripted calls, as they would run on a Mac of the given architecture. */
final class ScriptedTargets {
    static final int PID = 4242;
    static final Platform MAC_X86_64 = new Platform(OsFamily.MACOS, TargetArch.X86_64);
    static final Platform MAC_ARM64 = new Platform(OsFamily.MACOS, TargetArch.AARCH64);

    private ScriptedTargets() {
    }

    /** A root user and a running process {@link #PID} whose program is a Homebrew Python. */
    static ScriptedMacCalls rootAndPython() {
        ScriptedMacCalls calls = new ScriptedMacCalls(PID);
        calls.programs.put(PID, "/opt/homebrew/Cellar/python@3.12/3.12.4/Frameworks/Python.framework/Versions/3.12"
                + "/Resources/Python.app/Contents/MacOS/Python");
        return calls;
    }

    static MacProcessAccessProvider provider(ScriptedMacCalls calls, Platform platform) {
        return new MacProcessAccessProvider(() -> calls, () -> platform);
    }

    static MacTargetProcess attach(ScriptedMacCalls calls) {
        return (MacTargetProcess) provider(calls, MAC_X86_64).attach(PID);
    }
}
