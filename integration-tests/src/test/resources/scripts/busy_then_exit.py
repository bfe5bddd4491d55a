# Says it is ready, computes for SECONDS (or until the file STOP_FILE appears), then exits with STATUS:
#   python busy_then_exit.py SECONDS [STATUS [STOP_FILE]]
# Runs on Python 2.7 and 3. "# frame: NAME" marks the lines tests look for.
import os
import sys
import time


def work(until, stop_file):
    while time.time() < until and not (stop_file and os.path.exists(stop_file)):  # frame: work
        for _ in range(10000): pass


sys.stdout.write("ready\n")
sys.stdout.flush()
work(time.time() + float(sys.argv[1]), sys.argv[3] if len(sys.argv) > 3 else None)
sys.exit(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
