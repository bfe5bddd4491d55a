// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSymbol;
import dev.pyspy4j.spi.nativestack.NativeStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the addresses of a non-PIE fixture binary from its {@code .symtab}, the way gdb prints frames: the
 * leaf's address as is, every caller's return address minus one, and glibc's signal return trampoline as gdb's
 * {@code <signal-handler-called>}. An address covered by several aliases ({@code clone3}, {@code __clone3}) gets
 * the one gdb chose when the caller names it; gdb also drops the {@code .0} of gcc's clone suffixes.
 */
final class FixtureSymbols {
    private final List<ElfSymbol> functions;

    FixtureSymbols(Path binary) {
        this.functions = ElfFile.open(binary).symbolTable(ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.type() == ElfConstants.STT_FUNC)
                .sorted(Comparator.comparingLong(symbol -> symbol.st_value))
                .toList();
    }

    List<String> names(NativeStack stack) {
        return names(stack, List.of());
    }

    /** The frames' names, choosing among aliases the one {@code preferred} has at the same index. */
    List<String> names(NativeStack stack, List<String> preferred) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stack.size(); i++) {
            long address = stack.address(i);
            boolean afterTrampoline = i > 0 && names.get(i - 1).equals("<signal-handler-called>");
            List<String> aliases = namesAt(i == 0 || afterTrampoline ? address : address - 1);
            if (aliases.isEmpty()) {
                // glibc puts a nop before __restore_rt so that "return address - 1" has CFI; no symbol covers it
                aliases = namesAt(address);
            }
            String wanted = i < preferred.size() ? preferred.get(i) : null;
            names.add(aliases.contains(wanted) ? wanted
                    : aliases.isEmpty() ? "0x" + Long.toHexString(address) : aliases.get(0));
        }
        return names;
    }

    private List<String> namesAt(long address) {
        List<String> aliases = new ArrayList<>();
        for (ElfSymbol symbol : functions) {
            // hand-written assembly such as __restore_rt has symbols of size 0, which name their first address only
            if (address == symbol.st_value || address > symbol.st_value && address < symbol.st_value + symbol.st_size) {
                String name = symbol.name().replaceFirst("\\.\\d+$", "");
                aliases.add(name.equals("__restore_rt") ? "<signal-handler-called>" : name);
            }
        }
        return aliases;
    }
}
