# -*- coding: utf-8 -*-
# Function and file names outside ASCII. "# frame: NAME" marks the line each frame must show.
# Runs on Python 2.7 and 3. Python 2 has ASCII identifiers only (PEP 3131 came with 3.0), so the functions are
# written with ASCII names and their code objects renamed to the names a dump must show, on every version alike:
# co_name is what a dump reads, a str (UTF-8 bytes) in Python 2 and a unicode object in Python 3.
import sys
import threading  # dump names threads from threading._active; Debian's python does not import it by itself
import time
import types


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


def function():
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    time.sleep(600)  # frame: 関数


class Klass(object):
    def method(self):
        function()  # frame: метод


renamed(function, u"関数")
renamed(Klass.__dict__["method"], u"метод")
Klass().method()  # frame: <module>
