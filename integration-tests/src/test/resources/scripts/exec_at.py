# Works in before_exec() for argv[1] seconds, then, by argv[2]: "sleep" exec's /bin/sleep for 3 s; "python" exec's
# this interpreter again into after_exec() for 1 s; "exit" returns. (Python 2.7 and 3.x.)
import os
import sys
import time


def before_exec(seconds):
    end = time.time() + seconds
    while time.time() < end:
        pass


def after_exec(seconds):
    end = time.time() + seconds
    while time.time() < end:
        pass


if sys.argv[1] == "after":
    after_exec(1.0)
else:
    before_exec(float(sys.argv[1]))
    sys.stdout.flush()
    if sys.argv[2] == "sleep":
        os.execv("/bin/sleep", ["sleep", "3"])
    elif sys.argv[2] == "python":
        os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), "after"])
