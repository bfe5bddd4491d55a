// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * What {@link Fuzz} does: sets the number of tries from {@value #TRIES_PROPERTY} when given, and runs each try on a
 * worker thread that it gives up on after {@link #TRY_BOUND}, so a parser caught in an endless loop fails its
 * property with the input that caused it rather than stalling the test run. The bound is a hang detector, far
 * above any try's real cost (milliseconds), not a speed check.
 */
public final class FuzzHook implements AroundPropertyHook, AroundTryHook {
    /** The system property with the number of tries of every fuzz property; unset or blank keeps their own. */
    public static final String TRIES_PROPERTY = "pyspy4j.fuzz.tries";
    static final Duration TRY_BOUND = Duration.ofSeconds(10);

    // Daemon threads: a try that never ends must not keep the test JVM alive after the run has failed it.
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fuzz-try");
        thread.setDaemon(true);
        return thread;
    });

    /** {@link Fuzz} on a class stands for every property in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        configuredTries().ifPresent(tries -> context.attributes().setTries(tries));
        return property.execute();
    }

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters)
            throws InterruptedException {
        Future<TryExecutionResult> result = WORKERS.submit(() -> aTry.execute(parameters));
        try {
            return result.get(TRY_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return TryExecutionResult.falsified(new AssertionError("the parser did not finish within "
                    + TRY_BOUND.toSeconds() + " s: it hangs on these parameters " + parameters));
        } catch (ExecutionException e) {
            return TryExecutionResult.falsified(e.getCause());
        }
    }

    static Optional<Integer> configuredTries() {
        String value = System.getProperty(TRIES_PROPERTY, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int tries;
        try {
            tries = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " must be a positive number of tries, not '"
                    + value + "'");
        }
        if (tries < 1) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " must be a positive number of tries, not " + tries);
        }
        return Optional.of(tries);
    }
}
