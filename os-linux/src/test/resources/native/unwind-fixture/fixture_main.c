/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * The program whose stopped threads the unwinder fixtures capture. Built -static -O2 -fomit-frame-pointer, so its
 * functions (and the static glibc) have CFI only, and linked with fixture_fp.c, built without CFI and with frame
 * pointers. Each thread reaches a steady state and spins there:
 *   cfi:    cfi_outer -> cfi_middle -> cfi_leaf (spins)
 *   fp:     fp_entry -> fp_middle -> fp_leaf (spins; no CFI, so only the frame-pointer fallback unwinds them)
 *   signal: signal_entry -> interrupted_loop, interrupted by SIGUSR1 -> on_signal -> handler_loop (spins)
 *   main:   waits in pthread_join.
 * Prints "ready" once every thread is in its steady state.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

volatile int keep_running = 1;
volatile unsigned long counter;
static volatile int cfi_ready, fp_ready, signal_started, handler_entered;

int fp_middle(int depth, volatile int *ready);

__attribute__((noinline)) static int handler_loop(int signal) {
    handler_entered = 1;
    while (keep_running) {
        counter += signal;
    }
    return (int) counter;
}

static void on_signal(int signal) {
    handler_loop(signal);
}

__attribute__((noinline)) static int interrupted_loop(int seed) {
    signal_started = 1;
    while (keep_running) {
        counter += seed;
    }
    return (int) counter;
}

static void *signal_entry(void *unused) {
    (void) unused;
    return (void *) (long) (interrupted_loop(3) + 1);
}

__attribute__((noinline)) static int cfi_leaf(int seed) {
    cfi_ready = 1;
    while (keep_running) {
        counter += seed;
    }
    return (int) counter;
}

__attribute__((noinline)) static int cfi_middle(int seed) {
    volatile int scratch[40];
    for (int i = 0; i < 40; i++) {
        scratch[i] = seed * i;
    }
    return cfi_leaf(scratch[seed % 40]) + scratch[7];
}

__attribute__((noinline)) static int cfi_outer(int seed) {
    return cfi_middle(seed + 1) * 3;
}

static void *cfi_entry(void *unused) {
    (void) unused;
    return (void *) (long) (cfi_outer(5) + 1);
}

static void *fp_entry(void *unused) {
    (void) unused;
    return (void *) (long) (fp_middle(2, &fp_ready) + 1);
}

int main(void) {
    pthread_t cfi, fp, sig;
    struct sigaction action = {0};
    action.sa_handler = on_signal;
    sigaction(SIGUSR1, &action, NULL);
    pthread_create(&cfi, NULL, cfi_entry, NULL);
    pthread_create(&fp, NULL, fp_entry, NULL);
    pthread_create(&sig, NULL, signal_entry, NULL);
    while (!signal_started) {
    }
    pthread_kill(sig, SIGUSR1);
    while (!cfi_ready || !fp_ready || !handler_entered) {
    }
    printf("ready\n");
    fflush(stdout);
    pthread_join(cfi, NULL);
    return 0;
}
