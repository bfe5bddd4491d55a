# Starts N busy threads (N = argv[1], default 3) named worker-<i> at the OS level, prints "ready", then prints
# a counter the workers advance every 20 ms, so a test can see that the process keeps running.
import ctypes
import sys
import threading
import time

libc = ctypes.CDLL(None)
PR_SET_NAME = 15
counter = [0]


def work(name):
    libc.prctl(PR_SET_NAME, name.encode(), 0, 0, 0)
    while True:
        counter[0] += 1


count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
for i in range(count):
    threading.Thread(target=work, args=("worker-%d" % i,), daemon=True).start()
print("ready", flush=True)
while True:
    time.sleep(0.02)
    print("count %d" % counter[0], flush=True)
