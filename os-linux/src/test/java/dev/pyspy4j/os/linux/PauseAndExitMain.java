// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

/**
 * Run in a separate JVM by {@link ShutdownResumeIT}: pauses process {@code args[0]}, says so, and ends
 * {@code main} without resuming or closing anything, as a careless program would. A shutdown hook of its own
 * then keeps the JVM alive for {@code args[1]} milliseconds, so that the test can see the target resumed by
 * pyspy4j's hook rather than by the kernel detaching tracees of a dead JVM.
 */
public final class PauseAndExitMain {
    private PauseAndExitMain() {
    }

    public static void main(String[] args) throws Exception {
        LinuxTargetProcess target = (LinuxTargetProcess) new LinuxProcessAccessProvider().attach(Long.parseLong(args[0]));
        long lingerMillis = Long.parseLong(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("exiting");
            System.out.flush();
            try {
                Thread.sleep(lingerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        target.pause();
        System.out.println("paused");
        System.out.flush();
    }
}
