/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * The library libprobehidden.so, stripped of its symbol table after the build: hidden_spin, a static function, keeps
 * its name only in the xz-compressed MiniDebugInfo section (.gnu_debugdata) the build adds, as distributions ship
 * their libraries. probe_hidden_entry stays in the dynamic symbol table, which stripping keeps.
 */
#include "probe.h"

static __attribute__((noinline)) void hidden_spin(int *running, double seconds, long nap_ms)
{
    PROBE_SPIN(running, seconds, nap_ms);
    __asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void probe_hidden_entry(int *running, double seconds, long nap_ms)
{
    hidden_spin(running, seconds, nap_ms);
    __asm__ volatile("" ::: "memory");
}
