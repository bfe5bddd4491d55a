/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the pyspy4j authors */
/*
 * nativeprobe: the C extension the --native integration tests profile. It builds against the headers of every CPython
 * from 2.7 to 3.15. Each spinning function runs for the seconds given, counting, and with nap_ms > 0 naps that many
 * milliseconds between short bursts (see probe.h); the spinners release the GIL, so that several threads of one target
 * can be inside C at once.
 *
 *   spin_c(seconds, nap_ms=0)       spins in spin_c itself
 *   call_back(func)                 calls func() from C (C -> Python, which may call spin_c again)
 *   spin_cpp(seconds, nap_ms=0)     spins in probe::Spinner<int>::spin (spinner.cpp)
 *   spin_cfi(seconds, nap_ms=0)     spins in probe_spin_cfi_only (cfi_only.c, no frame pointer)
 *   spin_hidden(seconds, nap_ms=0)  spins in hidden_spin, named only by libprobehidden.so's MiniDebugInfo
 *   start_gil_thread(func)          a pthread that calls func() through PyGILState_Ensure; returns its thread id
 *   start_c_thread(seconds, nap_ms) a pthread that spins in C and never runs Python; returns its thread id
 *   running()                       how many spinners are inside their loops now
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "probe.h"

static int running_spinners;

static __attribute__((noinline)) PyObject *spin_c(PyObject *self, PyObject *args)
{
    double seconds;
    long nap_ms = 0;
    (void) self;
    if (!PyArg_ParseTuple(args, "d|l", &seconds, &nap_ms)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    PROBE_SPIN(&running_spinners, seconds, nap_ms);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static __attribute__((noinline)) PyObject *call_back(PyObject *self, PyObject *args)
{
    PyObject *func;
    PyObject *result;
    (void) self;
    if (!PyArg_ParseTuple(args, "O", &func)) {
        return NULL;
    }
    result = PyObject_CallObject(func, NULL);
    /* Keeps the call from being a tail call, which would take call_back off the native stack. */
    __asm__ volatile("" ::: "memory");
    return result;
}

typedef void (*spinner_function)(int *running, double seconds, long nap_ms);

static PyObject *run_spinner(PyObject *args, spinner_function spinner)
{
    double seconds;
    long nap_ms = 0;
    if (!PyArg_ParseTuple(args, "d|l", &seconds, &nap_ms)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    spinner(&running_spinners, seconds, nap_ms);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static __attribute__((noinline)) PyObject *spin_cpp(PyObject *self, PyObject *args)
{
    (void) self;
    return run_spinner(args, probe_spin_cpp);
}

static __attribute__((noinline)) PyObject *spin_cfi(PyObject *self, PyObject *args)
{
    (void) self;
    return run_spinner(args, probe_spin_cfi_only);
}

static __attribute__((noinline)) PyObject *spin_hidden(PyObject *self, PyObject *args)
{
    (void) self;
    return run_spinner(args, probe_hidden_entry);
}

/* A started thread hands its Linux thread id to the thread that started it. */
struct thread_start {
    pthread_mutex_t lock;
    pthread_cond_t started;
    long tid;
    PyObject *func;
    double seconds;
    long nap_ms;
};

static void announce(struct thread_start *start)
{
    pthread_mutex_lock(&start->lock);
    start->tid = (long) syscall(SYS_gettid);
    pthread_cond_signal(&start->started);
    pthread_mutex_unlock(&start->lock);
}

static long start_thread_and_wait(struct thread_start *start, void *(*body)(void *))
{
    pthread_t thread;
    long tid;
    pthread_mutex_init(&start->lock, NULL);
    pthread_cond_init(&start->started, NULL);
    start->tid = 0;
    if (pthread_create(&thread, NULL, body, start) != 0) {
        return -1;
    }
    pthread_detach(thread);
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&start->lock);
    while (start->tid == 0) {
        pthread_cond_wait(&start->started, &start->lock);
    }
    tid = start->tid;
    pthread_mutex_unlock(&start->lock);
    Py_END_ALLOW_THREADS
    return tid;
}

static __attribute__((noinline)) void *gil_thread_main(void *argument)
{
    struct thread_start *start = argument;
    PyObject *func = start->func;
    PyGILState_STATE state;
    PyObject *result;
    announce(start);
    state = PyGILState_Ensure();
    result = PyObject_CallObject(func, NULL);
    if (result == NULL) {
        PyErr_Print();
    } else {
        Py_DECREF(result);
    }
    Py_DECREF(func);
    PyGILState_Release(state);
    return NULL;
}

static PyObject *start_gil_thread(PyObject *self, PyObject *args)
{
    static struct thread_start start;
    PyObject *func;
    long tid;
    (void) self;
    if (!PyArg_ParseTuple(args, "O", &func)) {
        return NULL;
    }
    Py_INCREF(func);
    start.func = func;
    tid = start_thread_and_wait(&start, gil_thread_main);
    if (tid < 0) {
        Py_DECREF(func);
        return PyErr_Format(PyExc_RuntimeError, "pthread_create failed");
    }
    return PyLong_FromLong(tid);
}

static __attribute__((noinline)) void c_only_spin(double seconds, long nap_ms)
{
    PROBE_SPIN(&running_spinners, seconds, nap_ms);
    __asm__ volatile("" ::: "memory");
}

static __attribute__((noinline)) void *c_thread_main(void *argument)
{
    struct thread_start *start = argument;
    double seconds = start->seconds;
    long nap_ms = start->nap_ms;
    announce(start);
    c_only_spin(seconds, nap_ms);
    __asm__ volatile("" ::: "memory");
    return NULL;
}

static PyObject *start_c_thread(PyObject *self, PyObject *args)
{
    static struct thread_start start;
    long tid;
    (void) self;
    start.nap_ms = 0;
    if (!PyArg_ParseTuple(args, "d|l", &start.seconds, &start.nap_ms)) {
        return NULL;
    }
    tid = start_thread_and_wait(&start, c_thread_main);
    if (tid < 0) {
        return PyErr_Format(PyExc_RuntimeError, "pthread_create failed");
    }
    return PyLong_FromLong(tid);
}

static PyObject *running(PyObject *self, PyObject *args)
{
    (void) self;
    (void) args;
    return PyLong_FromLong(__atomic_load_n(&running_spinners, __ATOMIC_SEQ_CST));
}

static PyMethodDef nativeprobe_methods[] = {
    {"spin_c", spin_c, METH_VARARGS, "spin_c(seconds, nap_ms=0): spins in C"},
    {"call_back", call_back, METH_VARARGS, "call_back(func): calls func() from C"},
    {"spin_cpp", spin_cpp, METH_VARARGS, "spin_cpp(seconds, nap_ms=0): spins in probe::Spinner<int>::spin"},
    {"spin_cfi", spin_cfi, METH_VARARGS, "spin_cfi(seconds, nap_ms=0): spins in a function without frame pointer"},
    {"spin_hidden", spin_hidden, METH_VARARGS, "spin_hidden(seconds, nap_ms=0): spins in a stripped library"},
    {"start_gil_thread", start_gil_thread, METH_VARARGS, "start_gil_thread(func): func() on a C-created thread"},
    {"start_c_thread", start_c_thread, METH_VARARGS, "start_c_thread(seconds, nap_ms=0): a C-only thread"},
    {"running", running, METH_NOARGS, "running(): spinners inside their loops"},
    {NULL, NULL, 0, NULL}
};

#if PY_MAJOR_VERSION >= 3
static struct PyModuleDef nativeprobe_module = {
    PyModuleDef_HEAD_INIT, "nativeprobe", "Native code for the --native integration tests", -1, nativeprobe_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_nativeprobe(void)
{
#if PY_VERSION_HEX < 0x03070000
    /* Before 3.7 the GIL exists only once a thread asked for it; the C-created thread needs it. */
    PyEval_InitThreads();
#endif
    return PyModule_Create(&nativeprobe_module);
}
#else
PyMODINIT_FUNC initnativeprobe(void)
{
    PyEval_InitThreads();
    Py_InitModule3("nativeprobe", nativeprobe_methods, "Native code for the --native integration tests");
}
#endif
