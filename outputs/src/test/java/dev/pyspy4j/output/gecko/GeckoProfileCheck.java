// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Firefox Profiler requires of a processed profile at version 48, as its type definitions and its
 * upgraders from 48 on read one: every table's columns as long as its {@code length}; indexes into the next table
 * in range; a stack's prefix an earlier stack, so that prefix chains end; string indexes into the thread's
 * {@code stringArray}; categories and subcategories that {@code meta.categories} names; a stack's category its
 * frame's; sample times in order. Returns every violation, each naming where it is, so that a failing test says
 * what is wrong.
 */
final class GeckoProfileCheck {
    private static final List<String> SAMPLE_COLUMNS = List.of("stack", "time");
    private static final List<String> STACK_COLUMNS = List.of("frame", "prefix", "category", "subcategory");
    private static final List<String> FRAME_COLUMNS = List.of("address", "inlineDepth", "category", "subcategory",
            "func", "nativeSymbol", "innerWindowID", "implementation", "line", "column");
    private static final List<String> FUNC_COLUMNS = List.of("name", "isJS", "relevantForJS", "resource", "fileName",
            "lineNumber", "columnNumber");
    private static final List<String> MARKER_COLUMNS = List.of("data", "name", "startTime", "endTime", "phase",
            "category");
    private static final List<String> RESOURCE_COLUMNS = List.of("lib", "name", "host", "type");
    private static final List<String> NATIVE_SYMBOL_COLUMNS = List.of("libIndex", "address", "name", "functionSize");

    private final List<String> violations = new ArrayList<>();
    private JsonNode categories;

    private GeckoProfileCheck() {
    }

    /** Every way {@code profile} breaks the format; empty when it is valid. */
    static List<String> violations(JsonNode profile) {
        GeckoProfileCheck check = new GeckoProfileCheck();
        check.checkProfile(profile);
        return check.violations;
    }

    private void checkProfile(JsonNode profile) {
        JsonNode meta = profile.path("meta");
        expect(meta.path("preprocessedProfileVersion").asInt() == GeckoWriter.PROCESSED_VERSION,
                "meta.preprocessedProfileVersion is not " + GeckoWriter.PROCESSED_VERSION);
        expect(meta.path("version").asInt() == GeckoWriter.GECKO_VERSION, "meta.version is not 27");
        expect(meta.path("interval").isNumber() && meta.path("interval").asDouble() > 0,
                "meta.interval is not a positive number");
        expect(meta.path("startTime").isNumber(), "meta.startTime is not a number");
        // The profiler takes the shown range from these two only when the end is not zero.
        expect(meta.path("profilingStartTime").isNumber() && meta.path("profilingEndTime").asDouble() > 0
                && meta.path("profilingEndTime").asDouble() > meta.path("profilingStartTime").asDouble(),
                "meta.profilingStartTime and profilingEndTime are not a range");
        expect(meta.path("product").isTextual(), "meta.product is not a string");
        expect(meta.path("markerSchema").isArray(), "meta.markerSchema is not an array");
        categories = meta.path("categories");
        expect(categories.isArray() && !categories.isEmpty(), "meta.categories is empty");
        for (JsonNode category : categories) {
            expect(category.path("name").isTextual() && category.path("color").isTextual()
                    && category.path("subcategories").isArray() && !category.path("subcategories").isEmpty(),
                    "a category lacks a name, colour or subcategory: " + category);
        }
        expect(profile.path("libs").isArray(), "libs is not an array");
        expect(profile.path("threads").isArray(), "threads is not an array");
        int index = 0;
        for (JsonNode thread : profile.path("threads")) {
            checkThread(thread, "threads[" + index++ + "]");
        }
    }

    private void checkThread(JsonNode thread, String at) {
        expect(thread.path("name").isTextual(), at + ".name is not a string");
        expect(thread.path("pid").isTextual(), at + ".pid is not a string (required from version 47)");
        expect(thread.path("tid").isNumber() || thread.path("tid").isTextual(), at + ".tid is missing");
        expect(thread.path("isMainThread").isBoolean(), at + ".isMainThread is not a boolean");
        expect(thread.path("processType").isTextual(), at + ".processType is not a string");
        expect(thread.path("pausedRanges").isArray(), at + ".pausedRanges is not an array");
        JsonNode strings = thread.path("stringArray");
        expect(strings.isArray(), at + ".stringArray is not an array");
        strings.forEach(string -> expect(string.isTextual(), at + ".stringArray holds a non-string " + string));
        int stringCount = strings.size();

        JsonNode samples = thread.path("samples");
        JsonNode stacks = thread.path("stackTable");
        JsonNode frames = thread.path("frameTable");
        JsonNode funcs = thread.path("funcTable");
        int sampleCount = table(samples, at + ".samples", SAMPLE_COLUMNS);
        int stackCount = table(stacks, at + ".stackTable", STACK_COLUMNS);
        int frameCount = table(frames, at + ".frameTable", FRAME_COLUMNS);
        int funcCount = table(funcs, at + ".funcTable", FUNC_COLUMNS);
        table(thread.path("markers"), at + ".markers", MARKER_COLUMNS);
        table(thread.path("resourceTable"), at + ".resourceTable", RESOURCE_COLUMNS);
        table(thread.path("nativeSymbols"), at + ".nativeSymbols", NATIVE_SYMBOL_COLUMNS);
        if (!violations.isEmpty()) {
            // The rows below cannot be read safely from tables of the wrong shape.
            return;
        }

        expect(samples.path("weightType").asText().equals("samples"), at + ".samples.weightType is not samples");
        JsonNode weight = samples.path("weight");
        expect(weight.isNull() || weight.isArray() && weight.size() == sampleCount,
                at + ".samples.weight is neither null nor a column");
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sampleCount; i++) {
            nullOrIndex(samples.get("stack").get(i), stackCount, at + ".samples.stack[" + i + "]");
            JsonNode time = samples.get("time").get(i);
            expect(time.isNumber() && time.asDouble() >= previous, at + ".samples.time[" + i + "] is out of order");
            previous = time.asDouble();
        }
        for (int i = 0; i < stackCount; i++) {
            String stack = at + ".stackTable[" + i + "]";
            int frame = index(stacks.get("frame").get(i), frameCount, stack + ".frame");
            JsonNode prefix = stacks.get("prefix").get(i);
            // A prefix before its stack makes every chain end at a root; the profiler's algorithms rely on it.
            expect(prefix.isNull() || prefix.isInt() && prefix.asInt() >= 0 && prefix.asInt() < i,
                    stack + ".prefix " + prefix + " is not an earlier stack");
            category(stacks.get("category").get(i), stacks.get("subcategory").get(i), stack);
            if (frame >= 0) {
                expect(stacks.get("category").get(i).equals(frames.get("category").get(frame)),
                        stack + " has another category than its frame");
            }
        }
        for (int i = 0; i < frameCount; i++) {
            String frame = at + ".frameTable[" + i + "]";
            index(frames.get("func").get(i), funcCount, frame + ".func");
            category(frames.get("category").get(i), frames.get("subcategory").get(i), frame);
            JsonNode line = frames.get("line").get(i);
            expect(line.isNull() || line.isInt() && line.asInt() > 0, frame + ".line " + line + " is not a line");
            expect(frames.get("address").get(i).asInt() == -1, frame + ".address is not -1 (no address)");
        }
        for (int i = 0; i < funcCount; i++) {
            String func = at + ".funcTable[" + i + "]";
            index(funcs.get("name").get(i), stringCount, func + ".name");
            nullOrIndex(funcs.get("fileName").get(i), stringCount, func + ".fileName");
            expect(funcs.get("isJS").get(i).isBoolean() && funcs.get("relevantForJS").get(i).isBoolean(),
                    func + ".isJS or relevantForJS is not a boolean");
            expect(funcs.get("resource").get(i).asInt() == -1, func + ".resource is not -1 (no resource)");
        }
    }

    /** Checks that every column is an array of the table's length; returns the length, or -1 if there is none. */
    private int table(JsonNode table, String at, List<String> columns) {
        if (!table.path("length").isInt()) {
            violations.add(at + ".length is missing");
            return -1;
        }
        int length = table.get("length").asInt();
        for (String column : columns) {
            JsonNode values = table.path(column);
            expect(values.isArray() && values.size() == length,
                    at + "." + column + " is not a column of " + length + " values");
        }
        return length;
    }

    private void category(JsonNode category, JsonNode subcategory, String at) {
        int index = index(category, categories.size(), at + ".category");
        if (index >= 0) {
            index(subcategory, categories.get(index).get("subcategories").size(), at + ".subcategory");
        }
    }

    private int index(JsonNode value, int size, String at) {
        boolean valid = value != null && value.isInt() && value.asInt() >= 0 && value.asInt() < size;
        expect(valid, at + " " + value + " is not an index below " + size);
        return valid ? value.asInt() : -1;
    }

    private void nullOrIndex(JsonNode value, int size, String at) {
        if (value == null || !value.isNull()) {
            index(value, size, at);
        }
    }

    private void expect(boolean condition, String violation) {
        if (!condition) {
            violations.add(violation);
        }
    }
}
