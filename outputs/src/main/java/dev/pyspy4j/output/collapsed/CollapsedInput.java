// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.spi.output.RecordedProfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads collapsed stacks ({@code raw}) back with {@link CollapsedParser}, each label a frame again through
 * {@link CollapsedLabels}. The format names no thread, rate or title; stacks with 0 samples are left out.
 */
public final class CollapsedInput implements ProfileInput {
    @Override
    public String id() {
        return "raw";
    }

    /** Text: no NUL byte in the first bytes (binary formats such as gzip have them early; text never does). */
    @Override
    public boolean recognizes(byte[] head) {
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return !gzip;
    }

    @Override
    public RecordedProfile read(InputStream in) throws IOException {
        List<RecordedProfile.CountedStack> stacks = new ArrayList<>();
        for (Map.Entry<List<String>, Long> stack : CollapsedParser.parse(in).entrySet()) {
            if (stack.getValue() > 0) {
                List<String> rootFirst = stack.getKey();
                List<Frame> leafFirst = new ArrayList<>(rootFirst.size());
                for (int i = rootFirst.size() - 1; i >= 0; i--) {
                    leafFirst.add(CollapsedLabels.frame(rootFirst.get(i)));
                }
                stacks.add(new RecordedProfile.CountedStack(
                        new StackTrace(0, 0, null, 0, true, false, leafFirst, null), stack.getValue()));
            }
        }
        return new RecordedProfile(null, 0, false, stacks);
    }
}
