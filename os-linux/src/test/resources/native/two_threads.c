/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/* Two threads: main spins in a loop, the second sleeps in nanosleep; prints "ready" once both run. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static volatile unsigned long counter;

static void *sleeper(void *unused) {
    (void) unused;
    struct timespec pause = {0, 1000000};
    for (;;) {
        nanosleep(&pause, NULL);
    }
    return NULL;
}

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, sleeper, NULL);
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        counter++;
    }
}
