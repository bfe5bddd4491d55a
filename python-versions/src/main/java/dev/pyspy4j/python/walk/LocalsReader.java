// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.objects.ReprFormatter;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.LocalVariable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the arguments and local variables of a frame for {@code dump --locals}: the frame's slots
 * ({@code f_localsplus}/{@code localsplus}) paired with the code object's names. From 3.11 each slot has a kind;
 * plain and cell locals are shown (a cell's content rather than the cell), free and hidden ones are not.
 * Unbound (NULL) slots are skipped; arguments are the first {@code co_argcount} slots.
 */
public final class LocalsReader {
    private static final int MAX_LOCALS = 1 << 16;

    private final ObjectReader objects;
    private final ReprFormatter formatter;
    private final int slotsOffset;
    private final long tagMask;
    private final int localKind;
    private final int cellKind;
    private final int cellContent;
    private final Map<Long, List<String>> names = new HashMap<>();

    /** @param slotsOffset where a frame's slots start, relative to the frame */
    public LocalsReader(ObjectReader objects, StructLayouts t, int slotsOffset, long tagMask) {
        this.objects = objects;
        this.formatter = new ReprFormatter(objects, t);
        this.slotsOffset = slotsOffset;
        this.tagMask = tagMask;
        this.localKind = t.has("const.CO_FAST_LOCAL") ? (int) t.constant("CO_FAST_LOCAL") : 0;
        this.cellKind = t.has("const.CO_FAST_CELL") ? (int) t.constant("CO_FAST_CELL") : 0;
        this.cellContent = t.offset("PyCellObject.ob_ref");
    }

    /** The locals of the frame at {@code frame} running {@code code}, each rendered within {@code budget}. */
    public List<LocalVariable> read(long frame, long codeAddress, CodeInfo code, int budget) {
        int count = code.localCount();
        if (count <= 0 || count > MAX_LOCALS) {
            return List.of();
        }
        List<String> localNames = names(codeAddress, code);
        byte[] kinds = code.localKindsBytes() == 0 ? null : objects.bytes(code.localKindsBytes());
        ByteBuffer slots = objects.remote().struct(frame + slotsOffset, count * 8);
        List<LocalVariable> locals = new ArrayList<>();
        for (int i = 0; i < count && i < localNames.size(); i++) {
            int kind = kinds == null || i >= kinds.length ? localKind : kinds[i] & 0xFF;
            long value = slots.getLong(i * 8) & ~tagMask;
            if (value == 0 || (kinds != null && (kind & (localKind | cellKind)) == 0)) {
                continue;
            }
            if ((kind & cellKind) != 0 && isCell(value)) {
                value = objects.remote().pointer(value + cellContent);
                if (value == 0) {
                    continue;
                }
            }
            locals.add(new LocalVariable(localNames.get(i), value, i < code.argCount(),
                    formatter.format(value, budget)));
        }
        return locals;
    }

    private boolean isCell(long value) {
        try {
            return objects.type(value).name().equals("cell");
        } catch (SpyException e) {
            return false;
        }
    }

    private List<String> names(long codeAddress, CodeInfo code) {
        return names.computeIfAbsent(codeAddress, address -> {
            long tuple = code.localNamesTuple();
            long size = objects.remote().pointer(tuple + objects.layout().obSize());
            if (size < 0 || size > MAX_LOCALS) {
                return List.of();
            }
            ByteBuffer items = objects.remote().struct(tuple + objects.layout().tupleItems(), (int) size * 8);
            List<String> result = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                result.add(objects.string(items.getLong(i * 8)));
            }
            return result;
        });
    }
}
