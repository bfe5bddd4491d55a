// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.objects.DictItems;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.spi.SpyException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Thread names as the program's {@code threading} module knows them: {@code sys.modules["threading"]._active}
 * maps each thread's ident ({@code PyThreadState.thread_id}) to its {@code Thread}, whose {@code _name} is the
 * name ({@code _Thread__name} in Python 2). The whole registry is re-read only when a thread id never seen before appears.
 */
public final class ThreadNames {
    /** Python 2's {@code Thread.__name}, mangled with its class name. */
    private static final String PYTHON2_NAME = "_Thread__name";

    private final ObjectReader objects;
    private final long modulesOffset;
    private final Map<Long, String> names = new HashMap<>();
    private final Set<Long> lookedFor = new HashSet<>();

    /** @param modulesOffset offset of {@code sys.modules} in the interpreter state */
    public ThreadNames(ObjectReader objects, long modulesOffset) {
        this.objects = objects;
        this.modulesOffset = modulesOffset;
    }

    /** The name of the thread with ident {@code threadId}, or {@code null} when it has none. */
    public String nameOf(long interpreter, long threadId) {
        // One boxing of the id per call: this runs for every thread of every sample.
        Long id = threadId;
        String name = names.get(id);
        if (name == null && lookedFor.add(id)) {
            refresh(interpreter);
            name = names.get(id);
        }
        return name;
    }

    private void refresh(long interpreter) {
        try {
            long modules = objects.remote().pointer(interpreter + modulesOffset);
            Optional<Long> threading = objects.lookup(modules, "threading");
            if (threading.isEmpty()) {
                return;
            }
            Optional<Long> active = objects.lookup(objects.moduleDict(threading.get()), "_active");
            if (active.isEmpty()) {
                return;
            }
            for (DictItems.Item item : objects.dictItems(active.get())) {
                long ident = objects.integer(item.key()).longValue();
                Optional<Long> name = objects.attribute(item.value(), "_name")
                        .or(() -> objects.attribute(item.value(), PYTHON2_NAME));
                name.ifPresent(text -> names.put(ident, objects.string(text)));
            }
        } catch (SpyException e) {
            // Names are a nicety: a registry that is being modified right now is read again on the next new thread.
            lookedFor.clear();
        }
    }
}
