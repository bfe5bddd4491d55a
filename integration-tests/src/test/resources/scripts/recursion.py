# A stack 600 calls deep. "# frame: NAME" marks the lines the frames must show. Runs on Python 2.7 and 3.
import sys
import threading  # dump names threads from threading._active; Debian's python does not import it by itself
import time

DEPTH = 600
sys.setrecursionlimit(DEPTH + 100)


def recurse(depth):
    if depth == 0:
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        time.sleep(600)  # frame: recurse-leaf
    recurse(depth - 1)  # frame: recurse


recurse(DEPTH)  # frame: <module>
