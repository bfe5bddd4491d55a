/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/* A program that is not a Python interpreter but embeds one, as an application with a scripting layer does: it runs
   the Python file named by its only argument. Built by InterpretersNotCalledPythonIT against libpython, shared or
   static. */
#include <Python.h>
#include <stdio.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s SCRIPT\n", argv[0]);
        return 2;
    }
    FILE *script = fopen(argv[1], "r");
    if (script == NULL) {
        perror(argv[1]);
        return 2;
    }
    Py_Initialize();
    int failed = PyRun_SimpleFileEx(script, argv[1], 1);
    return Py_FinalizeEx() < 0 || failed ? 1 : 0;
}
