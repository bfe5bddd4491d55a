# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""A CPU-bound target for the side-by-side benchmark: spins at a fixed ~40-frame stack and prints, every
half second, how many loop iterations it managed, so that the benchmark can compare its speed while sampled
with its speed alone. Runs on Python 2.7 and 3.x."""
import sys
import time

DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 40
REPORT_EVERY = 0.5


def spin():
    count = 0
    last = time.time()
    while True:
        for _ in range(10000):
            count += 1
        now = time.time()
        if now - last >= REPORT_EVERY:
            sys.stdout.write("%f %d\n" % (now, count))
            sys.stdout.flush()
            count = 0
            last = now


def nest(level):
    if level <= 1:
        spin()
    else:
        nest(level - 1)


sys.stdout.write("ready\n")
sys.stdout.flush()
nest(DEPTH)
