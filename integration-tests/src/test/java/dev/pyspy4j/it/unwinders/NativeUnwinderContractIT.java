// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it.unwinders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every native unwinder ({@link NativeUnwinderProvider} found by {@link java.util.ServiceLoader}) keeps:
 * on a live gcc-built program paused by the OS provider, the stack of a thread running the known chain
 * {@code level_c <- level_b <- level_a <- main} shows exactly that chain, leaf first, and every unwinder that handles a
 * build agrees with the others on it, address for address: through the chain's entry, and beyond it as far as both
 * stacks go.
 *
 * <p>Which unwinder handles which build: {@code framepointer} follows the chain of saved frame pointers only, so it
 * handles the builds with frame pointers whose leaf is the program's own code; in the {@code -O2
 * -fomit-frame-pointer} build no frame pointer chain exists, and the test asserts that it stops early or goes wrong
 * there (if it ever follows that build, the claim table below is out of date). A leaf in libc, which is built without
 * frame pointers, can hide its caller from it, so it is not held to that variant either way. Every other unwinder
 * handles every variant.
 */
@EnabledOnOs(OS.LINUX)
class NativeUnwinderContractIT {
    private static final String FRAME_POINTER_UNWINDER = "framepointer";

    @TempDir
    static Path build;

    private static final Map<ChainVariant, Path> EXECUTABLES = new EnumMap<>(ChainVariant.class);
    private static final Map<ChainVariant, ProgramSymbols> SYMBOLS = new EnumMap<>(ChainVariant.class);

    @BeforeAll
    static void compileEveryVariant() throws IOException, InterruptedException {
        for (ChainVariant variant : ChainVariant.values()) {
            Path executable = ChainProgram.compile(variant, build);
            EXECUTABLES.put(variant, executable);
            SYMBOLS.put(variant, ProgramSymbols.of(executable));
        }
    }

    static boolean handles(String unwinderId, ChainVariant variant) {
        if (unwinderId.equals(FRAME_POINTER_UNWINDER)) {
            return variant == ChainVariant.FRAME_POINTERS || variant == ChainVariant.SECOND_THREAD;
        }
        return true;
    }

    static Stream<Arguments> unwindersAndTheVariantsTheyHandle() {
        List<Arguments> pairs = new ArrayList<>();
        for (String id : PausedChain.unwinderProviders().keySet()) {
            for (ChainVariant variant : ChainVariant.values()) {
                if (handles(id, variant)) {
                    pairs.add(Arguments.of(id, variant));
                }
            }
        }
        return pairs.stream();
    }

    static Stream<String> framePointerUnwinders() {
        return PausedChain.unwinderProviders().keySet().stream().filter(FRAME_POINTER_UNWINDER::equals);
    }

    @Test
    void theLibunwindUnwinderIsAmongThemOnThisMachine() {
        // The test script installs libunwind8; without it, this suite would check one unwinder fewer unnoticed.
        assertThat(PausedChain.unwinderProviders()).containsKey("libunwind");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("unwindersAndTheVariantsTheyHandle")
    void unwindsTheKnownChainLeafFirst(String unwinderId, ChainVariant variant) throws Exception {
        try (ChainProgram program = ChainProgram.start(EXECUTABLES.get(variant), variant)) {
            PausedChain.Unwound unwound = PausedChain.unwind(program, variant, SYMBOLS.get(variant),
                    List.of(PausedChain.unwinderProviders().get(unwinderId)));
            NativeStack stack = unwound.stacks().get(unwinderId);
            List<String> names = unwound.names().of(stack);

            int firstInProgram = firstInProgram(names);
            assertThat(firstInProgram).as("frames %s of %s", names, stack).isNotNegative();
            if (variant.leafInLibc()) {
                assertThat(firstInProgram).as("libc frames lead %s", names).isPositive();
            } else {
                assertThat(firstInProgram).as("the leaf of %s", names).isZero();
            }
            assertThat(names.subList(firstInProgram, Math.min(names.size(), firstInProgram + 4)))
                    .as("frames %s of %s", names, stack).containsExactlyElementsOf(variant.expectedChain());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChainVariant.class)
    void unwindersThatHandleAVariantAgreeOnItsStack(ChainVariant variant) throws Exception {
        List<NativeUnwinderProvider> handling = PausedChain.unwinderProviders().values().stream()
                .filter(provider -> handles(provider.id(), variant)).toList();
        assertThat(handling).isNotEmpty();
        try (ChainProgram program = ChainProgram.start(EXECUTABLES.get(variant), variant)) {
            PausedChain.Unwound unwound = PausedChain.unwind(program, variant, SYMBOLS.get(variant), handling);
            String entry = variant.expectedChain().get(variant.expectedChain().size() - 1);
            String reference = handling.get(0).id();
            long[] expected = upTo(entry, unwound, reference);
            for (NativeUnwinderProvider provider : handling) {
                assertThat(upTo(entry, unwound, provider.id()))
                        .as("%s's stack %s against %s's %s", provider.id(), unwound.stacks().get(provider.id()),
                                reference, unwound.stacks().get(reference))
                        .containsExactly(expected);
            }
            // Past the entry lie libc's start-up frames, where the unwinders may stop at different depths (a frame
            // pointer of 0 ends the chain for one, call-frame information for another); up to where the shorter of
            // two stacks ends, they must still be the same.
            for (NativeUnwinderProvider one : handling) {
                for (NativeUnwinderProvider other : handling) {
                    NativeStack oneStack = unwound.stacks().get(one.id());
                    NativeStack otherStack = unwound.stacks().get(other.id());
                    int common = Math.min(oneStack.size(), otherStack.size());
                    assertThat(Arrays.copyOf(oneStack.addresses(), common))
                            .as("%s's stack %s against %s's %s", one.id(), oneStack, other.id(), otherStack)
                            .containsExactly(Arrays.copyOf(otherStack.addresses(), common));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("framePointerUnwinders")
    void framePointersCannotFollowCodeBuiltWithoutThem(String unwinderId) throws Exception {
        ChainVariant variant = ChainVariant.CFI_ONLY;
        try (ChainProgram program = ChainProgram.start(EXECUTABLES.get(variant), variant)) {
            PausedChain.Unwound unwound = PausedChain.unwind(program, variant, SYMBOLS.get(variant),
                    List.of(PausedChain.unwinderProviders().get(unwinderId)));
            NativeStack stack = unwound.stacks().get(unwinderId);
            List<String> names = unwound.names().of(stack);
            boolean followedTheChain = names.size() >= 4
                    && names.subList(0, 4).equals(variant.expectedChain());
            assertThat(stack.endedEarlyBecause().isPresent() || !followedTheChain)
                    .as("%s stopped early or went wrong on %s: %s", unwinderId, names, stack).isTrue();
        }
    }

    private static int firstInProgram(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(FrameNames.OUTSIDE)) {
                return i;
            }
        }
        return -1;
    }

    /** The addresses of an unwinder's stack from the leaf through the chain's entry function. */
    private static long[] upTo(String entry, PausedChain.Unwound unwound, String unwinderId) {
        NativeStack stack = unwound.stacks().get(unwinderId);
        List<String> names = unwound.names().of(stack);
        int index = names.indexOf(entry);
        assertThat(index).as("%s's stack %s reaches %s", unwinderId, names, entry).isNotNegative();
        return Arrays.copyOf(stack.addresses(), index + 1);
    }
}
