# SPDX-License-Identifier: MIT
# Copyright (c) 2026 the pyspy4j authors
#
# A server-like target for tools/bench-many-threads: THREADS threads of which BUSY spin in pure Python and the rest
# wait on an event for good, as a service's worker pool does between requests. Every 0.5 s it prints the loops the
# busy threads completed so far ("loops N"), so that the benchmark can tell how fast they ran while sampled.
#   python many_threads_target.py THREADS BUSY
import sys
import threading
import time

threads = int(sys.argv[1])
busy_count = int(sys.argv[2])
never = threading.Event()
loops = [0] * busy_count


def busy(index):
    while True:
        for _ in range(1000):
            pass
        loops[index] += 1


def waiting():
    never.wait()


workers = [threading.Thread(target=busy, args=(n,), name="busy-%d" % n) for n in range(busy_count)]
workers += [threading.Thread(target=waiting, name="idle-%d" % n) for n in range(threads - busy_count)]
for worker in workers:
    worker.daemon = True
    worker.start()
print("ready")
sys.stdout.flush()
while True:
    time.sleep(0.5)
    print("loops %d %.6f" % (sum(loops), time.time()))
    sys.stdout.flush()
