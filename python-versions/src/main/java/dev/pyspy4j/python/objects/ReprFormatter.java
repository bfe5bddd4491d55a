// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.SpyException;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Renders a remote object for {@code dump --locals} within a length budget, as py-spy does: numbers, booleans,
 * {@code None}, text in double quotes, {@code bytes}, and lists, tuples, sets and dicts with their items until the
 * budget runs out ({@code ...}); anything else is {@code <type at 0xaddress>}, and an unreadable object is
 * {@code ?}.
 */
public final class ReprFormatter {
    private static final int MAX_ITEMS = 1 << 16;
    private static final int MIN_BUDGET = 5;

    private final ObjectReader objects;
    private final RemoteReader reader;
    private final TypeFlags flags;
    private final int tupleItems;
    private final int listItems;
    private final int floatValue;
    private final SetLayout sets;

    public ReprFormatter(ObjectReader objects, StructLayouts t) {
        this.objects = objects;
        this.reader = objects.remote();
        this.flags = TypeFlags.of(t);
        this.tupleItems = t.offset("PyTupleObject.ob_item");
        this.listItems = t.offset("PyListObject.ob_item");
        this.floatValue = t.offset("PyFloatObject.ob_fval");
        this.sets = SetLayout.of(t);
    }

    /** The rendering of the object at {@code address}, at most about {@code budget} characters long. */
    public String format(long address, int budget) {
        if (budget <= MIN_BUDGET) {
            return "...";
        }
        try {
            return render(address, budget);
        } catch (SpyException | IllegalArgumentException e) {
            return "?";
        }
    }

    private String render(long address, int budget) {
        TypeInfo type = objects.type(address);
        String name = type.name();
        switch (name) {
            case "NoneType":
                return "None";
            case "bool":
                return objects.integer(address).signum() != 0 ? "True" : "False";
            case "float":
                return PythonFloats.repr(reader.struct(address + floatValue, 8).getDouble(0));
            case "set":
            case "frozenset":
                return set(address, name, budget);
            default:
                break;
        }
        if (type.hasFlag(flags.integer()) || type.hasFlag(flags.pythonTwoInt())) {
            return number(objects.integer(address));
        }
        if (type.hasFlag(flags.unicode()) || type.hasFlag(flags.pythonTwoString())) {
            return quoted(Escapes.text(objects.string(address)), budget);
        }
        if (type.hasFlag(flags.bytes())) {
            return "b" + quoted(Escapes.bytes(objects.bytes(address)), budget - 1);
        }
        if (type.hasFlag(flags.dict())) {
            return dict(address, budget);
        }
        if (type.hasFlag(flags.list())) {
            return sequence(reader.pointer(address + listItems), size(address), "[", "]", budget);
        }
        if (type.hasFlag(flags.tuple())) {
            long count = size(address);
            String text = sequence(address + tupleItems, count, "(", ")", budget);
            return count == 1 && !text.endsWith("...)") ? text.substring(0, text.length() - 1) + ",)" : text;
        }
        return "<" + name + " at 0x" + Long.toHexString(address) + ">";
    }

    private static String number(BigInteger value) {
        return value.toString();
    }

    /** Already escaped text in double quotes, cut to the budget with {@code ...} inside the quotes. */
    private static String quoted(String escaped, int budget) {
        int room = budget - MIN_BUDGET;
        if (escaped.length() > room) {
            return "\"" + escaped.substring(0, Math.max(0, room)) + "...\"";
        }
        return "\"" + escaped + "\"";
    }

    private long size(long address) {
        long size = reader.pointer(address + objects.layout().obSize());
        if (size < 0 || size > MAX_ITEMS) {
            throw new IllegalArgumentException("implausible size " + size);
        }
        return size;
    }

    private String sequence(long items, long count, String open, String close, int budget) {
        StringBuilder text = new StringBuilder(open);
        int left = budget - 2;
        ByteBuffer pointers = count == 0 ? null : reader.struct(items, (int) count * 8);
        for (int i = 0; i < count; i++) {
            if (left <= MIN_BUDGET) {
                text.append(i == 0 ? "..." : ", ...");
                break;
            }
            String item = format(pointers.getLong(i * 8), left);
            text.append(i == 0 ? "" : ", ").append(item);
            left -= item.length() + 2;
        }
        return text.append(close).toString();
    }

    private String dict(long address, int budget) {
        StringBuilder text = new StringBuilder("{");
        int left = budget - 2;
        boolean first = true;
        for (DictItems.Item item : objects.dictItems(address)) {
            if (left <= MIN_BUDGET) {
                text.append(first ? "..." : ", ...");
                break;
            }
            String key = format(item.key(), left);
            String value = format(item.value(), left - key.length());
            text.append(first ? "" : ", ").append(key).append(": ").append(value);
            left -= key.length() + value.length() + 4;
            first = false;
        }
        return text.append('}').toString();
    }

    private String set(long address, String name, int budget) {
        java.util.List<Long> keys = sets.keys(reader, objects, address);
        if (keys.isEmpty()) {
            return name + "()";
        }
        StringBuilder text = new StringBuilder(name.equals("set") ? "{" : "frozenset({");
        int left = budget - text.length() - 1;
        for (int i = 0; i < keys.size(); i++) {
            if (left <= MIN_BUDGET) {
                text.append(i == 0 ? "..." : ", ...");
                break;
            }
            String item = format(keys.get(i), left);
            text.append(i == 0 ? "" : ", ").append(item);
            left -= item.length() + 2;
        }
        return text.append(name.equals("set") ? "}" : "})").toString();
    }
}
