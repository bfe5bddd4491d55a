/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * A spinner that only call-frame information can unwind: built with -O2 -fomit-frame-pointer, and it overwrites rbp
 * (declared clobbered, so the compiler saves and restores it) while it spins, so that following a frame-pointer chain
 * from it goes nowhere; only its .eh_frame entry says where its caller's return address is.
 */
#include "probe.h"

__attribute__((noinline)) void probe_spin_cfi_only(int *running, double seconds, long nap_ms)
{
    __asm__ volatile("xor %%ebp, %%ebp" ::: "rbp", "rbx", "r12", "r13");
    PROBE_SPIN(running, seconds, nap_ms);
    __asm__ volatile("" ::: "memory");
}
