/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * What every spinning function of the nativeprobe test extension shares. A spinner counts in a loop (a volatile
 * counter, which the compiler cannot drop) and, when asked to be gentle on the CPU, naps between short bursts with a
 * nanosleep system call issued from inline assembly: a thread caught napping is stopped with its instruction pointer
 * inside the spinner itself, not in libc, so a dump sees the spinner as the innermost frame whether it counts or naps.
 */
#ifndef PROBE_H
#define PROBE_H

#include <time.h>

/* Counting steps per burst when napping, and when busy (between two looks at the clock). */
#define PROBE_GENTLE_BURST 10000L
#define PROBE_BUSY_BURST (1L << 20)

static inline __attribute__((always_inline)) void probe_nap(long milliseconds)
{
    struct timespec pause = { milliseconds / 1000, (milliseconds % 1000) * 1000000L };
    long result = 35; /* nanosleep(2) on x86_64 */
    __asm__ volatile("syscall" : "+a"(result) : "D"(&pause), "S"(0L) : "rcx", "r11", "memory");
}

static inline __attribute__((always_inline)) double probe_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

/*
 * The loop of every spinner, inlined into it: runs for `seconds`; with nap_ms > 0 it naps nap_ms between bursts and
 * counts the naps instead of reading the clock. `running` counts the spinners inside their loop, so that a target can
 * wait until all of its threads are where a test expects them.
 */
#define PROBE_SPIN(running, seconds, nap_ms)                                                   \
    do {                                                                                       \
        volatile long probe_counter = 0;                                                       \
        __atomic_add_fetch((running), 1, __ATOMIC_SEQ_CST);                                    \
        if ((nap_ms) > 0) {                                                                    \
            long probe_naps = (long) ((seconds) * 1000.0 / (nap_ms));                          \
            for (long probe_i = 0; probe_i < probe_naps; probe_i++) {                          \
                for (long probe_j = 0; probe_j < PROBE_GENTLE_BURST; probe_j++) {              \
                    probe_counter++;                                                           \
                }                                                                              \
                probe_nap(nap_ms);                                                             \
            }                                                                                  \
        } else {                                                                               \
            double probe_deadline = probe_now() + (seconds);                                   \
            do {                                                                               \
                for (long probe_j = 0; probe_j < PROBE_BUSY_BURST; probe_j++) {                \
                    probe_counter++;                                                           \
                }                                                                              \
            } while (probe_now() < probe_deadline);                                            \
        }                                                                                      \
        __atomic_sub_fetch((running), 1, __ATOMIC_SEQ_CST);                                    \
    } while (0)

/* The spinners outside nativeprobe.c, each in a translation unit (or library) of its own. */
#ifdef __cplusplus
extern "C" {
#endif
void probe_spin_cpp(int *running, double seconds, long nap_ms);
void probe_spin_cfi_only(int *running, double seconds, long nap_ms);
void probe_hidden_entry(int *running, double seconds, long nap_ms);
#ifdef __cplusplus
}
#endif

#endif
