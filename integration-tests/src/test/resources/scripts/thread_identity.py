# Helper of the dump test scripts: which thread is which, and where it was called from, as a dump must show it.
# Runs on Python 2.7 and 3.
import ctypes
import json
import threading
import traceback

# gettid(2) by number: glibc before 2.30 has no wrapper, and Python before 3.8 no threading.get_native_id().
# 186 is its number on x86_64 (arch/x86/entry/syscalls/syscall_64.tbl), the machine the tests run on.
SYS_GETTID = 186
LIBC = ctypes.CDLL(None, use_errno=True)


def current():
    """The calling thread: its name, Python ident (its pthread_t, a dump's thread_id), Linux thread id, and the
    frames below the calling function (file, line, function; outermost first), which stay put while it blocks."""
    thread = threading.current_thread()
    callers = [list(frame)[:3] for frame in traceback.extract_stack()[:-2]]
    return {"name": thread.name, "ident": thread.ident, "tid": LIBC.syscall(SYS_GETTID), "callers": callers}


def write(path, value):
    with open(path, "w") as out:
        json.dump(value, out)
