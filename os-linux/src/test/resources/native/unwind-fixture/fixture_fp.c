/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * Built -O0 -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-omit-frame-pointer: no CFI, and frame pointers
 * in every function, the leaf included (gcc 12 leaves them out of a leaf that needs no stack from -O1 on, whatever
 * -mno-omit-leaf-frame-pointer says).
 */
extern volatile int keep_running;
extern volatile unsigned long counter;

__attribute__((noinline)) int fp_leaf(int seed, volatile int *ready) {
    *ready = 1;
    while (keep_running) {
        counter += seed;
    }
    return (int) counter;
}

__attribute__((noinline)) int fp_middle(int depth, volatile int *ready) {
    volatile int scratch[8];
    scratch[depth] = depth;
    return fp_leaf(scratch[depth] + 1, ready) * 2;
}
