# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""Prints, for every code object of some big stdlib modules and of a synthetic source full of edge cases, the
raw line table and CPython's own line for every bytecode unit, so that pyspy4j's decoders can be checked
against the interpreter itself. Runs on CPython 2.7 and 3.6+ (no f-strings).

Output, one record per line:
  V <version> <unit bytes> <table kind>
  C <name> <co_firstlineno> <table as hex> <bytecode length in bytes>
  A <line per unit>  from PyCode_Addr2Line (the C function frames use), via ctypes; -1 = no line
  L <line per unit>  from co_lines() (3.10+)
  P <line per unit>  from co_positions() (3.11+)
  F <line per unit>  from dis.findlinestarts() (up to 3.9)
"""
import binascii
import ctypes
import dis
import os
import sys

MODULES = ["pydoc.py", "inspect.py", "tarfile.py", "argparse.py", "difflib.py", "typing.py", "_pydecimal.py",
           "decimal.py", "doctest.py", "subprocess.py", "collections/__init__.py", "collections.py",
           "email/_header_value_parser.py", "pickletools.py", "configparser.py", "ConfigParser.py"]


def synthetic_source():
    """Line jumps beyond one table byte in both directions, long lines, no-location code, nested scopes."""
    parts = ["def jumps(x):", "    a = 1"]
    parts += [""] * 300
    parts += ["    b = [", "        x,"] + ["        x + %d," % i for i in range(300)] + ["    ]"]
    parts += ["    c = (a +"] + [""] * 70000 + ["         b[0])"]
    parts += ["    d = " + " + ".join(["x"] * 400)]
    parts += ["    for i in range(3):", "        try:", "            a += i", "        except ValueError:",
              "            pass", "        finally:", "            b = b[:]"]
    parts += ["    return (lambda y:", "            y +", "            a)(c), [z for z in b if z]"]
    parts += ["", "class Outer(object):", "    def method(self):", "        with open(__file__) as f:",
              "            return f.read()"]
    return "\n".join(parts) + "\n"


def code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            for nested in code_objects(const):
                yield nested


def table_of(code):
    if sys.version_info >= (3, 10):
        return code.co_linetable
    return code.co_lnotab


def unit_bytes():
    return 1 if sys.version_info[0] == 2 else 2


def addr2line(code, units):
    function = ctypes.pythonapi.PyCode_Addr2Line
    function.argtypes = [ctypes.py_object, ctypes.c_int]
    function.restype = ctypes.c_int
    return [function(code, unit * unit_bytes()) for unit in range(units)]


def from_ranges(ranges, units):
    """Lines per unit from (start, end, line) byte ranges; None (no line) becomes -1."""
    lines = [-1] * units
    for start, end, line in ranges:
        for offset in range(start, min(end, units * unit_bytes()), unit_bytes()):
            lines[offset // unit_bytes()] = -1 if line is None else line
    return lines


def from_positions(code, units):
    return [-1 if position[0] is None else position[0] for position in list(code.co_positions())[:units]]


def from_line_starts(code, units):
    lines = [code.co_firstlineno] * units
    starts = sorted(dis.findlinestarts(code))
    for index, (start, line) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else units * unit_bytes()
        for offset in range(start, min(end, units * unit_bytes())):
            if offset % unit_bytes() == 0:
                lines[offset // unit_bytes()] = line
    return lines


def emit(tag, lines):
    sys.stdout.write(tag + " " + " ".join(str(line) for line in lines) + "\n")


def dump(code):
    units = len(code.co_code) // unit_bytes()
    table = binascii.hexlify(table_of(code)).decode("ascii") or "-"
    sys.stdout.write("C %s %d %s %d\n" % (code.co_name.replace(" ", "_"), code.co_firstlineno, table,
                                          len(code.co_code)))
    emit("A", addr2line(code, units))
    if sys.version_info >= (3, 10):
        emit("L", from_ranges(code.co_lines(), units))
    if sys.version_info >= (3, 11):
        emit("P", from_positions(code, units))
    if sys.version_info < (3, 10):
        emit("F", from_line_starts(code, units))


def main():
    kind = "linetable" if sys.version_info >= (3, 10) else "lnotab"
    sys.stdout.write("V %d.%d.%d %d %s\n" % (sys.version_info[:3] + (unit_bytes(), kind)))
    library = os.path.dirname(os.__file__)
    sources = [("<synthetic>", synthetic_source())]
    for name in MODULES:
        path = os.path.join(library, name)
        if os.path.isfile(path):
            with open(path, "rb") as source:
                sources.append((path, source.read()))
    for path, source in sources:
        for code in code_objects(compile(source, path, "exec")):
            dump(code)


main()
