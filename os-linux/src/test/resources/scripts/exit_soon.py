# Prints "ready", keeps a thread busy, and exits after argv[1] seconds.
import sys
import threading
import time


def spin():
    while True:
        pass


threading.Thread(target=spin, daemon=True).start()
print("ready", flush=True)
time.sleep(float(sys.argv[1]))
