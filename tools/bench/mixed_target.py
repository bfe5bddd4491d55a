# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""A CPU-bound target for the --native benchmark: spins at a fixed 40-Python-frame stack in which every other
call passes through a C extension module (_heapq, whose heappush calls a Python __lt__), so that a native unwind
crosses the interpreter and an extension's own frames 20 times; the spin alternates Python bytecode and a C builtin
(sum). Prints "ready", then every half second how many loop iterations it managed. Runs on Python 2.7 and 3.x."""
import heapq
import sys
import time

DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 40
REPORT_EVERY = 0.5
NUMBERS = list(range(200))


def spin():
    count = 0
    last = time.time()
    while True:
        for _ in range(1000):
            count += 1
            sum(NUMBERS)
        now = time.time()
        if now - last >= REPORT_EVERY:
            sys.stdout.write("%f %d\n" % (now, count))
            sys.stdout.flush()
            count = 0
            last = now


class Deeper(object):
    """Compared by heappush (in C), it goes one level deeper from inside the comparison."""

    def __init__(self, level):
        self.level = level

    def __lt__(self, other):
        nest(self.level - 1)
        return False


def nest(level):
    if level <= 1:
        spin()
    elif level % 2 == 0:
        heapq.heappush([Deeper(0)], Deeper(level))
    else:
        nest(level - 1)


sys.stdout.write("ready\n")
sys.stdout.flush()
nest(DEPTH)
