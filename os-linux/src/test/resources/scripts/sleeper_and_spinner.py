# One thread sleeping in time.sleep(100), one spinning; prints "ready <sleeper tid> <spinner tid>".
import threading
import time

tids = {}
started = threading.Barrier(3)


def sleeper():
    tids["sleeper"] = threading.get_native_id()
    started.wait()
    time.sleep(100)


def spinner():
    tids["spinner"] = threading.get_native_id()
    started.wait()
    n = 0
    while True:
        n += 1


threading.Thread(target=sleeper, daemon=True).start()
threading.Thread(target=spinner, daemon=True).start()
started.wait()
print("ready %d %d" % (tids["sleeper"], tids["spinner"]), flush=True)
time.sleep(1000)
