// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.Map;
import java.util.Set;

/**
 * Which generated-layout key each {@code _Py_DebugOffsets} field describes
 * ({@code Include/internal/pycore_debug_offsets.h}: the initialiser spells out the {@code offsetof} of each).
 */
final class DebugOffsetNames {
    static final Map<String, String> MAPPING = Map.ofEntries(
            Map.entry("runtime_state.interpreters_head", "_PyRuntimeState.interpreters.head"),
            Map.entry("interpreter_state.next", "PyInterpreterState.next"),
            Map.entry("interpreter_state.threads_head", "PyInterpreterState.threads.head"),
            Map.entry("interpreter_state.imports_modules", "PyInterpreterState.imports.modules"),
            Map.entry("interpreter_state.ceval_gil", "PyInterpreterState.ceval.gil"),
            Map.entry("thread_state.size", "sizeof(PyThreadState)"),
            Map.entry("thread_state.prev", "PyThreadState.prev"),
            Map.entry("thread_state.next", "PyThreadState.next"),
            Map.entry("thread_state.interp", "PyThreadState.interp"),
            Map.entry("thread_state.current_frame", "PyThreadState.current_frame"),
            Map.entry("thread_state.thread_id", "PyThreadState.thread_id"),
            Map.entry("thread_state.native_thread_id", "PyThreadState.native_thread_id"),
            Map.entry("thread_state.datastack_chunk", "PyThreadState.datastack_chunk"),
            Map.entry("interpreter_frame.size", "sizeof(_PyInterpreterFrame)"),
            Map.entry("interpreter_frame.previous", "_PyInterpreterFrame.previous"),
            Map.entry("interpreter_frame.executable", "_PyInterpreterFrame.f_executable"),
            Map.entry("interpreter_frame.instr_ptr", "_PyInterpreterFrame.instr_ptr"),
            Map.entry("interpreter_frame.localsplus", "_PyInterpreterFrame.localsplus"),
            Map.entry("interpreter_frame.owner", "_PyInterpreterFrame.owner"),
            Map.entry("code_object.filename", "PyCodeObject.co_filename"),
            Map.entry("code_object.name", "PyCodeObject.co_name"),
            Map.entry("code_object.qualname", "PyCodeObject.co_qualname"),
            Map.entry("code_object.linetable", "PyCodeObject.co_linetable"),
            Map.entry("code_object.firstlineno", "PyCodeObject.co_firstlineno"),
            Map.entry("code_object.argcount", "PyCodeObject.co_argcount"),
            Map.entry("code_object.localsplusnames", "PyCodeObject.co_localsplusnames"),
            Map.entry("code_object.localspluskinds", "PyCodeObject.co_localspluskinds"),
            Map.entry("code_object.co_code_adaptive", "PyCodeObject.co_code_adaptive"),
            Map.entry("pyobject.ob_type", "PyObject.ob_type"),
            Map.entry("type_object.tp_name", "PyTypeObject.tp_name"),
            Map.entry("type_object.tp_flags", "PyTypeObject.tp_flags"),
            Map.entry("type_object.tp_basicsize", "PyTypeObject.tp_basicsize"),
            Map.entry("type_object.tp_dictoffset", "PyTypeObject.tp_dictoffset"),
            Map.entry("heap_type_object.ht_cached_keys", "PyHeapTypeObject.ht_cached_keys"),
            Map.entry("tuple_object.ob_item", "PyTupleObject.ob_item"),
            Map.entry("list_object.ob_item", "PyListObject.ob_item"),
            Map.entry("set_object.used", "PySetObject.used"),
            Map.entry("set_object.table", "PySetObject.table"),
            Map.entry("set_object.mask", "PySetObject.mask"),
            Map.entry("dict_object.ma_keys", "PyDictObject.ma_keys"),
            Map.entry("dict_object.ma_values", "PyDictObject.ma_values"),
            Map.entry("float_object.ob_fval", "PyFloatObject.ob_fval"),
            Map.entry("long_object.lv_tag", "PyLongObject.long_value.lv_tag"),
            Map.entry("long_object.ob_digit", "PyLongObject.long_value.ob_digit"),
            Map.entry("bytes_object.ob_sval", "PyBytesObject.ob_sval"),
            Map.entry("unicode_object.state", "PyASCIIObject.state"),
            Map.entry("unicode_object.length", "PyASCIIObject.length"),
            Map.entry("unicode_object.asciiobject_size", "sizeof(PyASCIIObject)"),
            Map.entry("unicode_object.compactunicodeobject_size", "sizeof(PyCompactUnicodeObject)"));

    /** Fields that are not offsets inside their own struct (flags, counts, offsets into other structs). */
    private static final Set<String> NOT_OFFSETS = Set.of("interpreter_state.gil_runtime_state_enabled",
            "interpreter_state.gil_runtime_state_locked", "interpreter_state.gil_runtime_state_holder",
            "interpreter_state.code_object_generation", "interpreter_state.tlbc_generation",
            "debugger_support.debugger_pending_call", "debugger_support.debugger_script_path",
            "debugger_support.debugger_script_path_size", "gc.generation_stats_size");

    private DebugOffsetNames() {
    }

    static boolean isOffset(String path) {
        return !path.endsWith(".size") && !NOT_OFFSETS.contains(path);
    }
}
