// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

/**
 * One {@code struct kinfo_vmentry} of kern.proc.vmmap, the fields the provider uses.
 *
 * @param type       {@code kve_type}: KVME_TYPE_VNODE for a mapped file, KVME_TYPE_GUARD for a stack guard, ...
 * @param start      {@code kve_start}, first address
 * @param end        {@code kve_end}, first address after the mapping
 * @param offset     {@code kve_offset}, offset of {@code start} in the mapped object
 * @param flags      {@code kve_flags}: KVME_FLAG_COW, KVME_FLAG_GROWS_DOWN, ...
 * @param protection {@code kve_protection}: KVME_PROT_READ | WRITE | EXEC
 * @param path       {@code kve_path}; empty for anonymous memory
 */
public record VmEntry(int type, long start, long end, long offset, int flags, int protection, String path) {
    public static final int KVME_TYPE_VNODE = 2;
    public static final int KVME_TYPE_GUARD = 9;
    public static final int KVME_PROT_READ = 1;
    public static final int KVME_PROT_WRITE = 2;
    public static final int KVME_PROT_EXEC = 4;
    public static final int KVME_FLAG_COW = 0x1;
    public static final int KVME_FLAG_GROWS_DOWN = 0x20;
}
