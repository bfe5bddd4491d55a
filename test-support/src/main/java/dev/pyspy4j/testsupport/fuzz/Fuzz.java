// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Marks a jqwik property (or every property of a class) that feeds untrusted bytes to a parser. Such a property runs
 * its own {@code tries} by default and {@value FuzzHook#TRIES_PROPERTY} tries when that system property is set, and
 * every try fails, instead of hanging the build, when it runs longer than {@link FuzzHook#TRY_BOUND}. Tries run on a
 * worker thread, so a marked property cannot use jqwik's thread-bound facilities such as {@code Statistics}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(FuzzHook.class)
public @interface Fuzz {
}
