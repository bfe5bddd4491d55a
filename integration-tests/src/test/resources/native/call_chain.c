/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * A known native call chain for the unwinder contract tests: <entry> -> level_a -> level_b -> level_c, where
 * level_c prints "ready" and then spins or sleeps forever. noipa keeps every level a real, separate call (no
 * inlining, cloning or tail call); the statement after each call keeps the call from becoming a jump.
 *   call_chain spin    main's chain, level_c spinning
 *   call_chain thread  a second thread ("chain-worker") with the chain under worker_main; main waits in join
 *   call_chain sleep   main's chain, level_c blocked in nanosleep (a libc leaf)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile unsigned long sink;
static volatile int stop;
static int sleeping;

__attribute__((noipa)) void level_c(void) {
    write(STDOUT_FILENO, "ready\n", 6);
    struct timespec nap = {3600, 0};
    while (!stop) {
        if (sleeping) {
            nanosleep(&nap, NULL);
        }
        sink++;
    }
}

__attribute__((noipa)) void level_b(void) {
    level_c();
    sink++;
}

__attribute__((noipa)) void level_a(void) {
    level_b();
    sink++;
}

__attribute__((noipa)) void *worker_main(void *unused) {
    (void) unused;
    level_a();
    sink++;
    return NULL;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "spin";
    if (strcmp(mode, "thread") == 0) {
        pthread_t worker;
        pthread_create(&worker, NULL, worker_main, NULL);
        pthread_setname_np(worker, "chain-worker");
        pthread_join(worker, NULL);
        return 0;
    }
    sleeping = strcmp(mode, "sleep") == 0;
    level_a();
    sink++;
    return 0;
}
