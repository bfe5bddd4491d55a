// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The table keys each CPython family must have (what walking threads, frames and objects reads) and keys it
 * must not have (fields that family removed, so a table generated from the wrong headers is caught). Written
 * from the CPython changelogs, independently of the generator's probe list.
 */
final class FamilyRequirements {
    private final int minor;
    private final boolean python2;
    private final boolean freeThreaded;
    private final List<String> required = new ArrayList<>();
    private final List<String> forbidden = new ArrayList<>();

    private FamilyRequirements(String version) {
        freeThreaded = version.endsWith("t");
        String[] parts = (freeThreaded ? version.substring(0, version.length() - 1) : version).split("\\.");
        python2 = parts[0].equals("2");
        minor = python2 ? 0 : Integer.parseInt(parts[1]);
    }

    static FamilyRequirements of(String minorVersion) {
        FamilyRequirements requirements = new FamilyRequirements(minorVersion);
        requirements.everyVersion();
        requirements.frames();
        requirements.objects();
        if (requirements.freeThreaded) {
            requirements.freeThreading();
        }
        return requirements;
    }

    /** Whether the table is that of a free-threaded build ({@code 3.13t}). */
    boolean freeThreaded() {
        return freeThreaded;
    }

    List<String> required() {
        return required;
    }

    List<String> forbidden() {
        return forbidden;
    }

    private void everyVersion() {
        // A free-threaded object splits its reference count in two (ob_ref_local, ob_ref_shared).
        if (freeThreaded) {
            forbid("PyObject.ob_refcnt");
        } else {
            require("PyObject.ob_refcnt");
        }
        require("PyObject.ob_type", "PyVarObject.ob_size", "PyTypeObject.tp_name",
                "PyTypeObject.tp_flags", "PyTypeObject.tp_basicsize", "PyTypeObject.tp_dictoffset",
                "PyCodeObject.co_filename", "PyCodeObject.co_name", "PyCodeObject.co_firstlineno",
                "PyCodeObject.co_argcount", "PyCodeObject.co_flags", "PyThreadState.next", "PyThreadState.interp",
                "PyThreadState.thread_id", "PyInterpreterState.next", "sizeof(PyThreadState)",
                "sizeof(PyInterpreterState)", "sizeof(PyCodeObject)", "PyModuleObject.md_dict",
                "const.Py_TPFLAGS_HEAPTYPE", "const.Py_TPFLAGS_LONG_SUBCLASS", "const.Py_TPFLAGS_LIST_SUBCLASS",
                "const.Py_TPFLAGS_TUPLE_SUBCLASS", "const.Py_TPFLAGS_DICT_SUBCLASS",
                "const.Py_TPFLAGS_UNICODE_SUBCLASS", "const.PyLong_SHIFT");
        if (!python2 && minor >= 7) {
            require("_PyRuntimeState.interpreters.head", "sizeof(_PyRuntimeState)");
        }
        if (!python2 && minor >= 7 && minor <= 11) {
            require("_PyRuntimeState.gilstate.tstate_current", "_PyRuntimeState.ceval.gil.last_holder",
                    "_PyRuntimeState.ceval.gil.locked");
        }
        if (minor >= 12) {
            require("PyInterpreterState.ceval.gil", "_gil_runtime_state.last_holder", "_gil_runtime_state.locked",
                    "PyInterpreterState.imports.modules");
            forbid("PyInterpreterState.modules", "_PyRuntimeState.gilstate.tstate_current");
        }
    }

    private void frames() {
        if (python2 || minor <= 10) {
            require("PyThreadState.frame", "PyFrameObject.f_back", "PyFrameObject.f_code", "PyFrameObject.f_lasti",
                    "PyFrameObject.f_localsplus", "PyInterpreterState.tstate_head", "PyInterpreterState.modules",
                    "PyCodeObject.co_varnames", "PyCodeObject.co_nlocals");
            forbid("_PyInterpreterFrame.previous", "PyCodeObject.co_code_adaptive");
        } else {
            require("PyInterpreterState.threads.head", "_PyInterpreterFrame.previous", "_PyInterpreterFrame.localsplus",
                    "_PyInterpreterFrame.owner", "sizeof(_PyInterpreterFrame)", "PyCodeObject.co_code_adaptive",
                    "PyCodeObject.co_localsplusnames", "PyCodeObject.co_localspluskinds", "PyCodeObject.co_qualname",
                    "PyThreadState.native_thread_id", "PyThreadState.datastack_chunk", "_PyStackChunk.previous",
                    "_PyStackChunk.size", "_PyStackChunk.top", "_PyStackChunk.data", "const.FRAME_OWNED_BY_THREAD",
                    "const.FRAME_OWNED_BY_GENERATOR", "const.FRAME_OWNED_BY_FRAME_OBJECT", "const.CO_FAST_LOCAL",
                    "const.CO_FAST_CELL", "const.CO_FAST_FREE", "PyFrameObject.f_frame");
            forbid("PyThreadState.frame", "PyFrameObject.f_code", "PyFrameObject.f_lasti");
        }
        require(python2 || minor <= 9 ? "PyCodeObject.co_lnotab" : "PyCodeObject.co_linetable");
        if (minor == 11) {
            require("_PyInterpreterFrame.is_entry");
        }
        if (minor == 11 || minor == 12) {
            require("PyThreadState.cframe", "_PyCFrame.current_frame", "_PyInterpreterFrame.f_code",
                    "_PyInterpreterFrame.prev_instr");
        }
        if (minor >= 12) {
            require("mask.PyThreadState._status.active");
            // 3.14 added FRAME_OWNED_BY_INTERPRETER for non-Python frames; 3.15 dropped FRAME_OWNED_BY_CSTACK.
            require(minor >= 14 ? "const.FRAME_OWNED_BY_INTERPRETER" : "const.FRAME_OWNED_BY_CSTACK");
        }
        if (minor >= 13) {
            require("PyThreadState.current_frame", "_PyInterpreterFrame.f_executable", "_PyInterpreterFrame.instr_ptr",
                    "_PyRuntimeState.debug_offsets", "sizeof(_Py_DebugOffsets)", "_Py_DebugOffsets.cookie",
                    "_Py_DebugOffsets.version", "_Py_DebugOffsets.thread_state.current_frame",
                    "_Py_DebugOffsets.interpreter_frame.instr_ptr", "_Py_DebugOffsets.code_object.co_code_adaptive");
            forbid("PyThreadState.cframe", "_PyInterpreterFrame.prev_instr");
        }
    }

    private void objects() {
        require("PyTupleObject.ob_item", "PyListObject.ob_item", "PyFloatObject.ob_fval", "PyDictObject.ma_used",
                "PyBytesObject.ob_sval", "PySetObject.table", "PySetObject.mask", "sizeof(setentry)");
        if (python2) {
            require("PyStringObject.ob_sval", "PyIntObject.ob_ival", "PyDictObject.ma_table", "PyDictObject.ma_mask",
                    "PyDictObject.ma_fill", "sizeof(PyDictEntry)", "PyUnicodeObject.length", "PyUnicodeObject.str",
                    "const.Py_TPFLAGS_INT_SUBCLASS", "const.Py_TPFLAGS_STRING_SUBCLASS");
            return;
        }
        require("PyASCIIObject.length", "PyASCIIObject.state", "sizeof(PyASCIIObject)",
                "sizeof(PyCompactUnicodeObject)", "PyUnicodeObject.data", "mask.PyASCIIObject.state.kind",
                "mask.PyASCIIObject.state.compact", "mask.PyASCIIObject.state.ascii",
                "mask.PyASCIIObject.state.interned", "PyDictObject.ma_keys", "PyDictObject.ma_values",
                "sizeof(_dictkeysobject)", "sizeof(PyDictKeyEntry)", "const.Py_TPFLAGS_BYTES_SUBCLASS",
                "PyHeapTypeObject.ht_cached_keys");
        if (minor <= 5) {
            // PEP 412 keys objects (3.3-3.5): the entries are the hash table; compact dicts (3.6) added an index.
            require("_dictkeysobject.dk_entries", "PyDictKeyEntry.me_key", "PyDictKeyEntry.me_value");
            forbid("_dictkeysobject.dk_nentries", "_dictkeysobject.dk_indices", "PyDictObject.ma_version_tag");
        } else {
            require("_dictkeysobject.dk_nentries", "_dictkeysobject.dk_indices");
        }
        require(minor >= 12 ? "PyLongObject.long_value.lv_tag" : "PyLongObject.ob_digit");
        if (minor <= 10) {
            require("_dictkeysobject.dk_size");
        } else {
            require("_dictkeysobject.dk_log2_size", "_dictkeysobject.dk_log2_index_bytes", "_dictkeysobject.dk_kind",
                    "sizeof(PyDictUnicodeEntry)", "const.Py_TPFLAGS_MANAGED_DICT");
        }
        require(minor >= 12 ? "mask.PyASCIIObject.state.statically_allocated" : "mask.PyASCIIObject.state.ready");
        if (minor >= 13) {
            require("const.Py_TPFLAGS_INLINE_VALUES");
        }
    }

    /**
     * A free-threaded build has no GIL to ask who runs: a thread's {@code state} says whether it is attached to the
     * interpreter. From 3.14 a thread may run its own copy of a function's bytecode, found through the code
     * object's {@code co_tlbc} array at the frame's {@code tlbc_index}.
     */
    private void freeThreading() {
        require("PyThreadState.state");
        if (minor >= 14) {
            require("_PyInterpreterFrame.tlbc_index", "PyCodeObject.co_tlbc", "_PyCodeArray.entries");
        }
    }

    private void require(String... keys) {
        required.addAll(List.of(keys));
    }

    private void forbid(String... keys) {
        forbidden.addAll(List.of(keys));
    }
}
