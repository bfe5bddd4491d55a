// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.spi.SpyException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names looked up in dicts that keep their values for the life of the program ({@code sys.modules["asyncio.tasks"]},
 * the registries among that module's globals), remembered from one read of the tasks to the next. Looking a name up
 * reads every key of the dict, hundreds of reads for {@code sys.modules}, which {@code record --async-aware} would
 * pay at every sample; a remembered value costs one read instead, which checks that the object there still has the
 * type it had (a module reloaded, a registry replaced or freed is looked up again).
 */
final class RememberedLookups {
    /** Far more than the names asyncio's readers look up; reached only if the dicts themselves keep moving. */
    private static final int MAX_REMEMBERED = 64;

    private final ObjectReader objects;
    private final Map<Key, Found> remembered = new HashMap<>();
    /** Only the types of remembered values: modules, dicts, sets and WeakSets, which live as long as the program. */
    private final Map<Long, String> typeNames = new HashMap<>();

    RememberedLookups(ObjectReader objects) {
        this.objects = objects;
    }

    /** The value under the text key {@code name} of the dict at {@code dict}. */
    Optional<Long> lookup(long dict, String name) {
        return remembered(new Key(dict, name, false));
    }

    /** The attribute {@code name} from the instance dict of the object at {@code object}. */
    Optional<Long> attribute(long object, String name) {
        return remembered(new Key(object, name, true));
    }

    private Optional<Long> remembered(Key key) {
        Found found = remembered.get(key);
        if (found != null) {
            try {
                if (found.typeName().equals(objects.typeName(found.value(), typeNames))) {
                    return Optional.of(found.value());
                }
            } catch (SpyException e) {
                // freed: looked up again below
            }
            remembered.remove(key);
        }
        Optional<Long> value = key.attribute() ? objects.attribute(key.owner(), key.name())
                : objects.lookup(key.owner(), key.name());
        if (value.isPresent()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
                typeNames.clear();
            }
            remembered.put(key, new Found(value.get(), objects.typeName(value.get(), typeNames)));
        }
        return value;
    }

    private record Key(long owner, String name, boolean attribute) {
    }

    private record Found(long value, String typeName) {
    }
}
