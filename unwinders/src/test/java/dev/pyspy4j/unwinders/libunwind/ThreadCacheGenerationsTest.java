// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A thread that switches between address spaces always finds the new one at a generation its cache was never filled
 * under, so libunwind empties the cache; staying on one space flushes nothing.
 */
class ThreadCacheGenerationsTest {
    @Test
    void stayingOnOneAddressSpaceFlushesOnlyOnTheFirstUnwind() {
        AtomicInteger flushes = new AtomicInteger();
        ThreadCacheGenerations space = new ThreadCacheGenerations(flushes::incrementAndGet);
        space.beforeUnwind();
        int afterFirst = flushes.get();
        space.beforeUnwind();
        space.beforeUnwind();
        assertThat(afterFirst).isPositive();
        assertThat(flushes.get()).isEqualTo(afterFirst);
        assertThat(space.generation()).isEqualTo(afterFirst);
        space.forget();
    }

    @Test
    void switchingSpacesGivesEachAGenerationNoOtherSpaceHad() {
        ThreadCacheGenerations first = new ThreadCacheGenerations(() -> { });
        ThreadCacheGenerations second = new ThreadCacheGenerations(() -> { });
        first.beforeUnwind();
        long firstBefore = first.generation();
        second.beforeUnwind();
        assertThat(second.generation()).isGreaterThan(firstBefore);
        long secondBefore = second.generation();
        first.beforeUnwind();
        assertThat(first.generation()).isGreaterThan(secondBefore);
        second.beforeUnwind();
        assertThat(second.generation()).isGreaterThan(first.generation());
        first.forget();
        second.forget();
    }

    @Test
    void aRefreshedSpaceRaisesTheGenerationsOthersWillGetPast() {
        ThreadCacheGenerations refreshed = new ThreadCacheGenerations(() -> { });
        ThreadCacheGenerations other = new ThreadCacheGenerations(() -> { });
        refreshed.beforeUnwind();
        for (int i = 0; i < 5; i++) {
            refreshed.flush();
        }
        other.beforeUnwind();
        assertThat(other.generation()).isGreaterThan(refreshed.generation());
        refreshed.forget();
        other.forget();
    }

    @Test
    void eachThreadFlushesWhenItFirstUsesASpace() throws InterruptedException {
        AtomicInteger flushes = new AtomicInteger();
        ThreadCacheGenerations space = new ThreadCacheGenerations(flushes::incrementAndGet);
        space.beforeUnwind();
        int onThisThread = flushes.get();
        Thread other = new Thread(space::beforeUnwind);
        other.start();
        other.join();
        assertThat(flushes.get()).isGreaterThan(onThisThread);
        space.forget();
    }
}
