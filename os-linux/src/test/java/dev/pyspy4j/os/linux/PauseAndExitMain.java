// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

/**
 * Run in a separate JVM by {@link ShutdownResumeIT}: pauses process {@code args[0]}, says so, and ends
 * {@code main} without resuming or closing anything, as a careless program would, so that the JVM exits with the
 * target paused by one of its threads.
 */
public final class PauseAndExitMain {
    private PauseAndExitMain() {
    }

    public static void main(String[] args) throws Exception {
        LinuxTargetProcess target = (LinuxTargetProcess) new LinuxProcessAccessProvider().attach(Long.parseLong(args[0]));
        target.pause();
        System.out.println("paused");
        System.out.flush();
    }
}
