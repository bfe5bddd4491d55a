// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind.jna;

/**
 * The functions of libunwind's remote x86_64 unwinder ({@code libunwind-x86_64.so.8}), bound by JNA direct mapping
 * in {@link Libunwind}, which loads the library first. Pointers travel as raw {@code long} addresses so that an
 * unwind allocates no {@code Pointer} objects. Use {@link Libunwind}.
 */
final class LibunwindX86_64 {
    private LibunwindX86_64() {
    }

    /** {@code unw_addr_space_t unw_create_addr_space(unw_accessors_t *a, int byteorder)}; 0 when out of memory. */
    static native long _Ux86_64_create_addr_space(long accessors, int byteOrder);

    /** {@code void unw_destroy_addr_space(unw_addr_space_t as)}. */
    static native void _Ux86_64_destroy_addr_space(long addressSpace);

    /** {@code int unw_set_caching_policy(unw_addr_space_t as, unw_caching_policy_t policy)}. */
    static native int _Ux86_64_set_caching_policy(long addressSpace, int policy);

    /** {@code void unw_flush_cache(unw_addr_space_t as, unw_word_t lo, unw_word_t hi)}. */
    static native void _Ux86_64_flush_cache(long addressSpace, long low, long high);

    /** {@code int unw_init_remote(unw_cursor_t *c, unw_addr_space_t as, void *arg)}. */
    static native int _Ux86_64_init_remote(long cursor, long addressSpace, long accessorArgument);

    /** {@code int unw_step(unw_cursor_t *c)}: positive when it moved to the caller, 0 at the outermost frame. */
    static native int _Ux86_64_step(long cursor);

    /** {@code int unw_get_reg(unw_cursor_t *c, unw_regnum_t reg, unw_word_t *valp)}. */
    static native int _Ux86_64_get_reg(long cursor, int register, long valueAddress);

    /** {@code const char *unw_strerror(int err_code)}, for a negative libunwind result. */
    static native String _Ux86_64_strerror(int errorCode);
}
