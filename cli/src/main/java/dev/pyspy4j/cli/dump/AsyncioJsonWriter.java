// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.Frame;
import java.io.IOException;

/**
 * The {@code "asyncio"} object of {@code dump --asyncio --json}: {@code "unavailable"} (why no task could be read,
 * else null), {@code "skipped"}, and {@code "loops"}, each with its {@code "id"}, {@code "thread_id"} (the ident of
 * the thread running it, null when unknown) and {@code "tasks"}. A task has {@code "id"} (its address),
 * {@code "name"}, {@code "state"} ({@code running}, {@code pending}, {@code done}), {@code "coroutine_stack"}
 * (frames as in the thread stacks, outermost first), {@code "awaits"} (null, or {@code "kind"}: {@code task},
 * {@code gather}, {@code TaskGroup} or {@code future}, {@code "id"} and the awaited {@code "tasks"}) and
 * {@code "awaited_by"} (the tasks of the loop that await it).
 */
final class AsyncioJsonWriter {
    private AsyncioJsonWriter() {
    }

    static void write(JsonGenerator json, AsyncioSnapshot tasks) throws IOException {
        json.writeStartObject();
        json.writeStringField("unavailable", tasks.unavailable());
        json.writeNumberField("skipped", tasks.skipped());
        json.writeArrayFieldStart("loops");
        for (AsyncioLoop loop : tasks.loops()) {
            writeLoop(json, loop);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeLoop(JsonGenerator json, AsyncioLoop loop) throws IOException {
        json.writeStartObject();
        JsonDumpRenderer.writeUnsigned(json, "id", loop.id());
        if (loop.threadId() == 0) {
            json.writeNullField("thread_id");
        } else {
            JsonDumpRenderer.writeUnsigned(json, "thread_id", loop.threadId());
        }
        AsyncioTree tree = new AsyncioTree(loop);
        json.writeArrayFieldStart("tasks");
        for (AsyncioTask task : loop.tasks()) {
            writeTask(json, task, tree);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeTask(JsonGenerator json, AsyncioTask task, AsyncioTree tree) throws IOException {
        json.writeStartObject();
        JsonDumpRenderer.writeUnsigned(json, "id", task.id());
        json.writeStringField("name", task.name());
        json.writeStringField("state", task.state().label());
        json.writeArrayFieldStart("coroutine_stack");
        for (Frame frame : task.coroutineStack()) {
            JsonDumpRenderer.writeFrame(json, frame);
        }
        json.writeEndArray();
        json.writeFieldName("awaits");
        if (task.awaits() == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("kind", task.awaits().kind().label());
            JsonDumpRenderer.writeUnsigned(json, "id", task.awaits().id());
            writeIds(json, "tasks", task.awaits().tasks());
            json.writeEndObject();
        }
        writeIds(json, "awaited_by", tree.awaitedBy(task.id()));
        json.writeEndObject();
    }

    private static void writeIds(JsonGenerator json, String field, java.util.List<Long> ids) throws IOException {
        json.writeArrayFieldStart(field);
        for (long id : ids) {
            JsonDumpRenderer.writeUnsigned(json, id);
        }
        json.writeEndArray();
    }
}
