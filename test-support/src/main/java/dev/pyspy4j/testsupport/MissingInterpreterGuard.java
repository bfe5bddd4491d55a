// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Fails, before it runs, every invocation of a parameterised test whose arguments hold the stand-in path of a missing
 * expected interpreter ({@link InterpreterCatalogue#everyExecutable()}), with the message that names the interpreter
 * and how to install it. Register it with {@code @ExtendWith}, or for a whole module through JUnit's extension
 * auto-detection.
 */
public final class MissingInterpreterGuard implements InvocationInterceptor {

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        InterpreterCatalogue catalogue = InterpreterCatalogue.machine();
        for (Object argument : invocationContext.getArguments()) {
            if (argument instanceof Path path && catalogue.isMissing(path)) {
                invocation.skip();
                catalogue.requireFound(path);
            }
        }
        invocation.proceed();
    }
}
