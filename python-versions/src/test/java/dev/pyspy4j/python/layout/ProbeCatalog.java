// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Every probe the walkers and object readers may need, across all CPython versions; each version keeps the
 * ones its headers compile. Field lists follow the structs of Include/ and Include/internal/ from 2.7 to 3.13.
 */
final class ProbeCatalog {
    private final List<Probe> probes = new ArrayList<>();

    private ProbeCatalog() {
    }

    /** The probes for one header set, including every field of {@code _Py_DebugOffsets} where it exists. */
    static List<Probe> forHeaders(HeaderSet headers) {
        ProbeCatalog catalog = new ProbeCatalog();
        catalog.runtime();
        catalog.debugOffsets(headers);
        catalog.interpreter();
        catalog.thread();
        catalog.frames();
        catalog.code();
        catalog.objects();
        catalog.strings();
        catalog.numbers();
        catalog.containers();
        catalog.typeFlags();
        return List.copyOf(catalog.probes);
    }

    private void runtime() {
        struct("_PyRuntimeState", "interpreters.head", "interpreters.main", "interpreters.next_id",
                "gilstate.tstate_current", "gilstate.autoInterpreterState", "ceval.gil", "ceval.gil.last_holder",
                "ceval.gil.locked", "ceval.gil.interval", "tstate_current", "main_thread", "finalizing",
                "_finalizing", "debug_offsets", "initialized", "core_initialized");
    }

    /** 3.13+ keeps a copy of the offsets a debugger needs at the start of _PyRuntime (pycore_runtime.h). */
    private void debugOffsets(HeaderSet headers) {
        for (String header : List.of("internal/pycore_runtime.h", "internal/pycore_debug_offsets.h")) {
            headers.headerText(header).ifPresent(text -> {
                List<String> fields = StructFields.of(text, "_Py_DebugOffsets");
                if (!fields.isEmpty()) {
                    struct("_Py_DebugOffsets", fields.toArray(String[]::new));
                }
            });
        }
    }

    private void interpreter() {
        struct("PyInterpreterState", "next", "id", "tstate_head", "threads.head", "threads.main",
                "threads.count", "modules", "imports.modules", "sysdict", "builtins", "ceval.gil", "_gil",
                "_gil.last_holder", "_gil.locked", "_gil.interval", "gc", "runtime", "finalizing");
        struct("struct _gil_runtime_state", "interval", "last_holder", "locked", "switch_number", "enabled");
    }

    private void thread() {
        struct("PyThreadState", "prev", "next", "interp", "frame", "cframe", "current_frame", "thread_id",
                "native_thread_id", "datastack_chunk", "datastack_top", "datastack_limit", "_status", "status",
                "state", "dict", "recursion_depth", "py_recursion_remaining", "gilstate_counter", "id");
        // 3.12+ keep the thread's life cycle (and from 3.13 whether it holds the GIL) in _status bit-fields.
        for (String bit : List.of("initialized", "bound", "unbound", "bound_gilstate", "active", "holds_gil",
                "finalizing", "cleared", "finalized")) {
            probes.add(Probe.mask("PyThreadState", "_status", bit));
        }
        struct("_PyCFrame", "current_frame", "previous", "use_tracing");
        struct("_PyStackChunk", "previous", "size", "top", "data");
    }

    private void frames() {
        struct("_PyInterpreterFrame", "f_code", "f_executable", "f_funcobj", "f_func", "f_globals", "f_builtins",
                "f_locals", "frame_obj", "previous", "prev_instr", "instr_ptr", "is_entry", "owner", "stacktop",
                "stackpointer", "return_offset", "localsplus", "tlbc_index");
        constants("FRAME_OWNED_BY_THREAD", "FRAME_OWNED_BY_GENERATOR", "FRAME_OWNED_BY_FRAME_OBJECT",
                "FRAME_OWNED_BY_CSTACK", "FRAME_OWNED_BY_INTERPRETER");
        struct("PyFrameObject", "f_back", "f_code", "f_builtins", "f_globals", "f_locals", "f_lasti", "f_lineno",
                "f_localsplus", "f_frame", "f_valuestack", "f_stacktop", "f_stackdepth", "f_gen", "f_executing",
                "f_state", "f_trace");
    }

    private void code() {
        struct("PyCodeObject", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                "co_nlocalsplus", "co_stacksize", "co_flags", "co_firstlineno", "co_varnames", "co_cellvars",
                "co_freevars", "co_localsplusnames", "co_localspluskinds", "co_filename", "co_name",
                "co_qualname", "co_lnotab", "co_linetable", "co_code", "co_code_adaptive", "co_consts",
                "co_names", "co_tlbc");
        // 3.14+ free-threaded builds: a thread may run its own copy of the bytecode, kept in this array.
        struct("_PyCodeArray", "size", "entries");
        constants("CO_FAST_LOCAL", "CO_FAST_CELL", "CO_FAST_FREE", "CO_FAST_HIDDEN", "CO_VARARGS",
                "CO_VARKEYWORDS", "CO_GENERATOR", "CO_COROUTINE", "CO_ASYNC_GENERATOR");
    }

    private void objects() {
        struct("PyObject", "ob_refcnt", "ob_type");
        struct("PyVarObject", "ob_size");
        struct("PyTypeObject", "tp_name", "tp_basicsize", "tp_itemsize", "tp_flags", "tp_base", "tp_dict",
                "tp_dictoffset", "tp_mro");
        struct("PyHeapTypeObject", "ht_cached_keys", "ht_name", "ht_qualname", "ht_module");
        struct("PyModuleObject", "md_dict", "md_name");
        size("PyGC_Head");
    }

    private void strings() {
        struct("PyASCIIObject", "length", "hash", "state", "wstr");
        for (String bit : List.of("interned", "kind", "compact", "ascii", "ready", "statically_allocated")) {
            probes.add(Probe.mask("PyASCIIObject", "state", bit));
        }
        struct("PyCompactUnicodeObject", "utf8_length", "utf8", "wstr_length");
        struct("PyUnicodeObject", "data", "length", "str", "hash", "defenc");
        constants("PyUnicode_1BYTE_KIND", "PyUnicode_2BYTE_KIND", "PyUnicode_4BYTE_KIND", "Py_UNICODE_SIZE");
        struct("PyBytesObject", "ob_shash", "ob_sval");
        struct("PyStringObject", "ob_shash", "ob_sstate", "ob_sval");
    }

    private void numbers() {
        struct("PyIntObject", "ob_ival");
        struct("PyFloatObject", "ob_fval");
        struct("PyLongObject", "ob_digit", "long_value.lv_tag", "long_value.ob_digit");
        constants("PyLong_SHIFT", "_PyLong_NON_SIZE_BITS", "_PyLong_SIGN_MASK", "SIZEOF_LONG", "SIZEOF_VOID_P");
    }

    private void containers() {
        struct("PyTupleObject", "ob_item");
        struct("PyListObject", "ob_item", "allocated");
        struct("PyDictObject", "ma_used", "ma_version_tag", "ma_keys", "ma_values", "ma_fill", "ma_mask",
                "ma_table");
        struct("struct _dictkeysobject", "dk_refcnt", "dk_size", "dk_log2_size", "dk_log2_index_bytes",
                "dk_kind", "dk_version", "dk_usable", "dk_nentries", "dk_indices", "dk_entries");
        struct("PyDictKeyEntry", "me_hash", "me_key", "me_value");
        struct("PyDictUnicodeEntry", "me_key", "me_value");
        struct("PyDictEntry", "me_hash", "me_key", "me_value");
        struct("PyDictValues", "capacity", "size", "embedded", "valid", "values");
        constants("DICT_KEYS_GENERAL", "DICT_KEYS_UNICODE", "DICT_KEYS_SPLIT");
        struct("PySetObject", "fill", "used", "mask", "table");
        struct("PyCellObject", "ob_ref");
        struct("setentry", "key", "hash");
    }

    private void typeFlags() {
        constants("Py_TPFLAGS_HEAPTYPE", "Py_TPFLAGS_MANAGED_DICT", "Py_TPFLAGS_MANAGED_WEAKREF",
                "Py_TPFLAGS_INLINE_VALUES", "Py_TPFLAGS_PREHEADER", "Py_TPFLAGS_HAVE_GC", "Py_TPFLAGS_INT_SUBCLASS",
                "Py_TPFLAGS_LONG_SUBCLASS", "Py_TPFLAGS_LIST_SUBCLASS", "Py_TPFLAGS_TUPLE_SUBCLASS",
                "Py_TPFLAGS_STRING_SUBCLASS", "Py_TPFLAGS_BYTES_SUBCLASS", "Py_TPFLAGS_UNICODE_SUBCLASS",
                "Py_TPFLAGS_DICT_SUBCLASS", "Py_TPFLAGS_BASE_EXC_SUBCLASS", "Py_TPFLAGS_TYPE_SUBCLASS");
    }

    /** Offsets of {@code fields} and the size of {@code type}. */
    private void struct(String type, String... fields) {
        probes.add(Probe.size(type));
        for (String field : fields) {
            probes.add(Probe.offset(type, field));
        }
    }

    private void size(String type) {
        probes.add(Probe.size(type));
    }

    private void constants(String... names) {
        for (String name : names) {
            probes.add(Probe.constant(name));
        }
    }
}
