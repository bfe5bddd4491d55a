// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Example properties run through the JUnit Platform, with and without the tries system property. */
class FuzzHookTest {
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static volatile boolean released;

    @AfterEach
    void clearTheSystemProperty() {
        System.clearProperty(FuzzHook.TRIES_PROPERTY);
    }

    @Test
    void aPropertyKeepsItsOwnTriesWhenNoneAreConfigured() {
        assertThat(run(CountedProperty.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(CALLS.get()).isEqualTo(5);
    }

    @Test
    void theSystemPropertySetsTheTriesOfEveryFuzzProperty() {
        System.setProperty(FuzzHook.TRIES_PROPERTY, " 37 ");

        assertThat(run(CountedProperty.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(CALLS.get()).isEqualTo(37);
    }

    @Test
    void aNonsenseNumberOfTriesIsRefused() {
        System.setProperty(FuzzHook.TRIES_PROPERTY, "a million");
        assertThatThrownBy(FuzzHook::configuredTries).hasMessage(
                "pyspy4j.fuzz.tries must be a positive number of tries, not 'a million'");

        System.setProperty(FuzzHook.TRIES_PROPERTY, "0");
        assertThatThrownBy(FuzzHook::configuredTries).hasMessage(
                "pyspy4j.fuzz.tries must be a positive number of tries, not 0");
    }

    @Test
    void aTryThatNeverEndsFailsItsPropertyAndTheRunGoesOn() {
        released = false;
        try {
            TestExecutionSummary summary = run(HangingProperty.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining(
                    "the parser did not finish within 10 s");
        } finally {
            released = true;
        }
    }

    private static TestExecutionSummary run(Class<?> properties) {
        CALLS.set(0);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(properties))
                .build(), listener);
        return listener.getSummary();
    }

    @Fuzz
    static class CountedProperty {
        @Property(tries = 5)
        void counts(@ForAll byte[] bytes) {
            CALLS.incrementAndGet();
        }
    }

    static class HangingProperty {
        @Fuzz
        @Property(tries = 3, shrinking = ShrinkingMode.OFF)
        void spinsUntilReleased(@ForAll byte[] bytes) {
            // Stands for a parser in an endless loop; the flag lets the abandoned worker end after the test.
            while (!released) {
                Thread.onSpinWait();
            }
        }
    }
}
