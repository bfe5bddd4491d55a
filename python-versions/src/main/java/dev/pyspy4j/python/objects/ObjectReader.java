// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads remote Python objects by address: types, text, {@code bytes}, integers, dicts, module and instance
 * attributes. The text and dict representations differ between Python 2 and 3, so they are strategies.
 * One per attached interpreter.
 */
public final class ObjectReader {
    private static final int MAX_TYPE_NAME = 256;
    private static final long PAGE = 4096;

    private final RemoteReader reader;
    private final ObjectLayout layout;
    private final TextReader text;
    private final BytesReader bytes;
    private final LongReader longs;
    private final DictItems dicts;
    private final InstanceDicts instanceDicts;
    private final SetLayout sets;
    /** Makes a reader of the same kind over another reader of the target's memory. */
    private final Function<RemoteReader, ObjectReader> sameKind;

    private ObjectReader(RemoteReader reader, StructLayouts tables, ObjectLayout layout, TextReader text,
                         DictItems dicts, ManagedDictStyle managedDicts,
                         Function<RemoteReader, ObjectReader> sameKind) {
        this.sameKind = sameKind;
        this.reader = reader;
        this.layout = layout;
        this.text = text;
        this.bytes = new BytesReader(reader, layout);
        this.longs = new LongReader(reader, tables);
        this.dicts = dicts;
        this.instanceDicts = new InstanceDicts(reader, tables, layout, managedDicts);
        this.sets = SetLayout.of(tables);
    }

    /** Python 3.6+: PEP 393 strings and compact dicts. */
    public static ObjectReader python3(RemoteReader reader, StructLayouts tables, ManagedDictStyle managedDicts) {
        ObjectLayout layout = ObjectLayout.of(tables);
        return new ObjectReader(reader, tables, layout, new StringReader(reader, UnicodeLayout.of(tables)),
                new DictReader(reader, DictLayout.of(tables)), managedDicts,
                other -> python3(other, tables, managedDicts));
    }

    /** Python 3.3-3.5: PEP 393 strings and PEP 412 key-sharing dicts, which predate compact dicts. */
    public static ObjectReader python3KeySharingDicts(RemoteReader reader, StructLayouts tables) {
        ObjectLayout layout = ObjectLayout.of(tables);
        return new ObjectReader(reader, tables, layout, new StringReader(reader, UnicodeLayout.of(tables)),
                new KeySharingDictReader(reader, tables), ManagedDictStyle.NONE,
                other -> python3KeySharingDicts(other, tables));
    }

    /** Python 2: byte strings and {@code unicode}, open-addressing dicts. */
    public static ObjectReader python2(RemoteReader reader, StructLayouts tables) {
        ObjectLayout layout = ObjectLayout.of(tables);
        return new ObjectReader(reader, tables, layout, new Py2TextReader(reader, tables, layout),
                new Py2DictReader(reader, tables), ManagedDictStyle.NONE, other -> python2(other, tables));
    }

    /** The same reader over {@code other}, another reader of the same target's memory (copies of it, say). */
    public ObjectReader over(RemoteReader other) {
        return sameKind.apply(other);
    }

    public RemoteReader remote() {
        return reader;
    }

    public ObjectLayout layout() {
        return layout;
    }

    public String string(long address) {
        return text.read(address);
    }

    public byte[] bytes(long address) {
        return bytes.read(address);
    }

    public BigInteger integer(long address) {
        return longs.read(address);
    }

    public List<DictItems.Item> dictItems(long dict) {
        return dicts.items(dict);
    }

    /** The members of the {@code set} at {@code set}, in table order (at most 2^20 slots are read). */
    public List<Long> setMembers(long set) {
        try {
            return sets.keys(reader, this, set);
        } catch (IllegalArgumentException e) {
            throw new SpyException(FailureKind.MEMORY_READ, "unreadable set at 0x" + Long.toHexString(set) + ": "
                    + e.getMessage());
        }
    }

    /** The items of the {@code list} at {@code list}; at most {@code limit} of them. */
    public List<Long> listItems(long list, int limit) {
        long size = reader.pointer(list + layout.obSize());
        if (size < 0 || size > limit) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible list of " + size + " items at 0x"
                    + Long.toHexString(list));
        }
        if (size == 0) {
            return List.of();
        }
        java.nio.ByteBuffer items = reader.struct(reader.pointer(list + layout.listItems()), (int) size * 8);
        List<Long> result = new java.util.ArrayList<>((int) size);
        for (int i = 0; i < size; i++) {
            result.add(items.getLong(i * 8));
        }
        return result;
    }

    /** The type of the object at {@code address}. */
    public TypeInfo type(long address) {
        long type = reader.pointer(address + layout.obType());
        long namePointer = reader.pointer(type + layout.tpName());
        long flags = reader.pointer(type + layout.tpFlags());
        long dictOffset = reader.pointer(type + layout.tpDictOffset());
        long basicSize = reader.pointer(type + layout.tpBasicSize());
        return new TypeInfo(type, cString(namePointer), flags, dictOffset, basicSize);
    }

    /**
     * The name of the type of the object at {@code address}, from {@code known} (type address to name) when its type
     * was met before: one read instead of five for objects of a type already seen. The caller bounds how long
     * {@code known} lives, since a freed heap type's address can be reused by another.
     */
    public String typeName(long address, Map<Long, String> known) {
        long type = reader.pointer(address + layout.obType());
        String name = known.get(type);
        if (name == null) {
            name = cString(reader.pointer(type + layout.tpName()));
            known.put(type, name);
        }
        return name;
    }

    /** The value stored under the text key {@code name} in the dict at {@code dict}. */
    public Optional<Long> lookup(long dict, String name) {
        return lookupIn(dicts.items(dict), name);
    }

    /** An attribute from the instance dict of the object at {@code object} (plain, managed or values-only). */
    public Optional<Long> attribute(long object, String name) {
        return instanceDicts.items(object, type(object), dicts).flatMap(items -> lookupIn(items, name));
    }

    /** The {@code __dict__} of a module object. */
    public long moduleDict(long module) {
        return reader.pointer(module + layout.moduleDict());
    }

    private Optional<Long> lookupIn(List<DictItems.Item> items, String name) {
        for (DictItems.Item item : items) {
            if (name.equals(string(item.key()))) {
                return Optional.of(item.value());
            }
        }
        return Optional.empty();
    }

    /** A NUL-terminated C string such as {@code tp_name}. */
    public String cString(long address) {
        // Never read past the end of the page the string starts in: if its first byte is mapped, so is the page,
        // while the next page may not be.
        int length = (int) Math.min(MAX_TYPE_NAME, PAGE - (address & (PAGE - 1)));
        byte[] raw = reader.bytes(address, length);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }
}
