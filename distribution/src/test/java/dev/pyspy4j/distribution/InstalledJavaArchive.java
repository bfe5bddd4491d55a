// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

/**
 * A distribution for an installed Java that the build writes beside the jlink'd one: its archive, its OS's providers
 * and the native libraries its OS and architecture load from the jars (JNA's, and JLine's for top's screen).
 */
enum InstalledJavaArchive {
    MACOS_X86_64("pyspy4j-macos-x86_64", ".tar.gz", "dev.pyspy4j.os.macos.MacProcessAccessProvider",
            "dev.pyspy4j.os.macos.MacThreadActivityProvider", "com/sun/jna/darwin-x86-64/libjnidispatch.jnilib",
            "org/jline/nativ/Mac/x86_64/libjlinenative.jnilib"),
    MACOS_AARCH64("pyspy4j-macos-aarch64", ".tar.gz", "dev.pyspy4j.os.macos.MacProcessAccessProvider",
            "dev.pyspy4j.os.macos.MacThreadActivityProvider", "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib",
            "org/jline/nativ/Mac/arm64/libjlinenative.jnilib"),
    WINDOWS_X86_64("pyspy4j-windows-x86_64", ".zip", "dev.pyspy4j.os.windows.WindowsProcessAccessProvider",
            "dev.pyspy4j.os.windows.WindowsThreadActivityProvider", "com/sun/jna/win32-x86-64/jnidispatch.dll",
            "org/jline/nativ/Windows/x86_64/jlinenative.dll"),
    FREEBSD_X86_64("pyspy4j-freebsd-x86_64", ".tar.gz", "dev.pyspy4j.os.freebsd.FreeBsdProcessAccessProvider",
            "dev.pyspy4j.os.freebsd.FreeBsdThreadActivityProvider", "com/sun/jna/freebsd-x86-64/libjnidispatch.so",
            "org/jline/nativ/FreeBSD/x86_64/libjlinenative.so");

    final String name;
    final String extension;
    final String processAccess;
    final String threadActivity;
    final String jnaNativeLibrary;
    final String jlineNativeLibrary;

    InstalledJavaArchive(String name, String extension, String processAccess, String threadActivity,
                         String jnaNativeLibrary, String jlineNativeLibrary) {
        this.name = name;
        this.extension = extension;
        this.processAccess = processAccess;
        this.threadActivity = threadActivity;
        this.jnaNativeLibrary = jnaNativeLibrary;
        this.jlineNativeLibrary = jlineNativeLibrary;
    }

    boolean isWindows() {
        return extension.equals(".zip");
    }
}
