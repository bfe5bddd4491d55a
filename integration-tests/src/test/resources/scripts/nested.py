# Nested calls. A "# frame: NAME" comment marks the line each frame of the dump must show. Runs on Python 2.7 and 3.
# With an argument, the script first writes the main thread's identity to that file (see thread_identity.py).
import sys
import threading  # dump names threads from threading._active; Debian's python does not import it by itself
import time

import thread_identity


def level_three():
    if len(sys.argv) > 1:
        thread_identity.write(sys.argv[1], [thread_identity.current()])
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    time.sleep(600)  # frame: level_three


def level_two():
    level_three()  # frame: level_two


def level_one():
    level_two()  # frame: level_one


level_one()  # frame: <module>
