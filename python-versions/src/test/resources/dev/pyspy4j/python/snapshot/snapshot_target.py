# -*- coding: utf-8 -*-
# The program whose memory the walker snapshots record: two threads parked at known lines, a few locals of simple
# types, one function named outside ASCII. Runs on Python 2.7 and 3. "# frame: NAME" marks the line each frame
# must show; "# locals: NAME = REPR; ..." on a def line the locals its frame must list, in order (arguments first).
# Python 2 has ASCII identifiers only, so the parked function gets its non-ASCII name by renaming its code object.
import sys
import threading  # thread names come from threading._active; Debian's python does not import it by itself
import time
import types

READY = threading.Event()


def renamed(function, name):
    code = function.__code__
    if hasattr(code, "replace"):  # 3.8+
        changes = {"co_name": name}
        if hasattr(code, "co_qualname"):  # 3.11+
            changes["co_qualname"] = name
        function.__code__ = code.replace(**changes)
    elif sys.version_info[0] >= 3:  # 3.6, 3.7
        function.__code__ = types.CodeType(
            code.co_argcount, code.co_kwonlyargcount, code.co_nlocals, code.co_stacksize, code.co_flags,
            code.co_code, code.co_consts, code.co_names, code.co_varnames, code.co_filename, name,
            code.co_firstlineno, code.co_lnotab, code.co_freevars, code.co_cellvars)
    else:  # 2.7
        function.__code__ = types.CodeType(
            code.co_argcount, code.co_nlocals, code.co_stacksize, code.co_flags, code.co_code, code.co_consts,
            code.co_names, code.co_varnames, code.co_filename, name.encode("utf-8"), code.co_firstlineno,
            code.co_lnotab, code.co_freevars, code.co_cellvars)


def parked():
    READY.set()
    time.sleep(600)  # frame: 待機


def worker(count):  # locals: count = 3; label = "worker"; pair = (1, "two")
    label = "worker"
    pair = (1, "two")
    parked()  # frame: worker


def start_worker():
    thread = threading.Thread(target=worker, args=(3,), name="snapshot-worker")
    thread.daemon = True
    thread.start()
    READY.wait()
    time.sleep(0.5)  # the worker set READY just before the call it stays in; give it a moment to get there


def main_loop(ratio, flag):  # locals: ratio = 0.5; flag = True; nothing = None; answer = 42
    nothing = None
    answer = 42
    start_worker()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    time.sleep(600)  # frame: main_loop


renamed(parked, u"待機")
main_loop(0.5, True)  # frame: <module>
