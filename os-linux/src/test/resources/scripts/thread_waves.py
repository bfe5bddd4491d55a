# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
"""Prints ready (one thread), two seconds later starts three threads (started: four threads), ends them two seconds
after that (joined: one thread again)."""
import sys
import threading
import time

print("ready")
sys.stdout.flush()
time.sleep(2)
release = threading.Event()
threads = [threading.Thread(target=release.wait) for _ in range(3)]
for thread in threads:
    thread.start()
print("started")
time.sleep(2)
release.set()
for thread in threads:
    thread.join()
print("joined")
sys.stdout.flush()
time.sleep(60)
