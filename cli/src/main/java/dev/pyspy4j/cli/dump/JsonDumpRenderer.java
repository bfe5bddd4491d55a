// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import dev.pyspy4j.spi.model.AsyncioSnapshot;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes traces as py-spy's {@code dump --json} does, i.e. as Rust's {@code serde_json::to_string_pretty}: two-space
 * indents, {@code "key": value}, empty arrays as {@code []}, lower-case hexadecimal escapes, in list order.
 */
public final class JsonDumpRenderer {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();
    private static final DefaultPrettyPrinter SERDE_PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    /** Writes the array and a final newline. */
    public void render(List<StackTrace> traces, Writer out) {
        try {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.setPrettyPrinter(SERDE_PRETTY.createInstance());
                json.writeStartArray();
                for (StackTrace trace : traces) {
                    writeTrace(json, trace);
                }
                json.writeEndArray();
            }
            out.write('\n');
        } catch (IOException e) {
            throw new SpyException(FailureKind.OUTPUT, "could not write json: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code dump --asyncio --json}: an object holding the thread stacks as {@link #render(List, Writer)}
     * writes them ({@code "threads"}) and the asyncio tasks ({@code "asyncio"}, see {@link AsyncioJsonWriter}).
     */
    public void render(List<StackTrace> traces, AsyncioSnapshot tasks, Writer out) {
        try {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.setPrettyPrinter(SERDE_PRETTY.createInstance());
                json.writeStartObject();
                json.writeArrayFieldStart("threads");
                for (StackTrace trace : traces) {
                    writeTrace(json, trace);
                }
                json.writeEndArray();
                json.writeFieldName("asyncio");
                AsyncioJsonWriter.write(json, tasks);
                json.writeEndObject();
            }
            out.write('\n');
        } catch (IOException e) {
            throw new SpyException(FailureKind.OUTPUT, "could not write json: " + e.getMessage(), e);
        }
    }

    private static void writeTrace(JsonGenerator json, StackTrace trace) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pid", trace.pid());
        writeUnsigned(json, "thread_id", trace.threadId());
        json.writeStringField("thread_name", trace.threadName());
        if (trace.hasOsThreadId()) {
            writeUnsigned(json, "os_thread_id", trace.osThreadId());
        } else {
            json.writeNullField("os_thread_id");
        }
        json.writeBooleanField("active", trace.active());
        json.writeBooleanField("owns_gil", trace.ownsGil());
        json.writeArrayFieldStart("frames");
        for (Frame frame : trace.frames()) {
            writeFrame(json, frame);
        }
        json.writeEndArray();
        json.writeFieldName("process_info");
        writeProcessInfo(json, trace.processInfo());
        json.writeEndObject();
    }

    static void writeFrame(JsonGenerator json, Frame frame) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", frame.name());
        json.writeStringField("filename", frame.filename());
        json.writeStringField("module", frame.module());
        json.writeStringField("short_filename", frame.shortFilename());
        json.writeNumberField("line", frame.line());
        json.writeFieldName("locals");
        writeLocals(json, frame.locals());
        json.writeBooleanField("is_entry", frame.entry());
        json.writeBooleanField("is_shim_entry", frame.shimEntry());
        json.writeEndObject();
    }

    private static void writeLocals(JsonGenerator json, List<LocalVariable> locals) throws IOException {
        if (locals == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (LocalVariable local : locals) {
            json.writeStartObject();
            json.writeStringField("name", local.name());
            writeUnsigned(json, "addr", local.address());
            json.writeBooleanField("arg", local.argument());
            json.writeStringField("repr", local.repr());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeProcessInfo(JsonGenerator json, ProcessInfo info) throws IOException {
        if (info == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("pid", info.pid());
        json.writeStringField("command_line", info.commandLine());
        json.writeFieldName("parent");
        writeProcessInfo(json, info.parent());
        json.writeEndObject();
    }

    /** Thread ids and addresses are unsigned 64-bit values in py-spy ({@code u64}, {@code usize}). */
    static void writeUnsigned(JsonGenerator json, String field, long value) throws IOException {
        json.writeFieldName(field);
        writeUnsigned(json, value);
    }

    /** An unsigned 64-bit value, where a value is expected (in an array, after a field name). */
    static void writeUnsigned(JsonGenerator json, long value) throws IOException {
        if (value >= 0) {
            json.writeNumber(value);
        } else {
            json.writeNumber(new BigInteger(Long.toUnsignedString(value)));
        }
    }
}
