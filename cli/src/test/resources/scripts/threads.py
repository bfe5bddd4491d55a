# Named threads, one spinning in pure Python, the others blocked. "# frame: NAME" marks each thread's leaf line.
import threading
import time

THREADS = 4
started = threading.Barrier(THREADS + 1)


def busy():
    started.wait()
    x = 0
    while True: x += 1  # frame: busy


def sleeper():
    started.wait()
    time.sleep(600)  # frame: sleeper


def waiter(event):
    started.wait()
    event.wait()  # frame: waiter


workers = [
    threading.Thread(target=busy, name="BusyWorker", daemon=True),
    threading.Thread(target=sleeper, name="Sleeper-1", daemon=True),
    threading.Thread(target=sleeper, name="Sleeper-2", daemon=True),
    threading.Thread(target=waiter, args=(threading.Event(),), name="Waiter", daemon=True),
]
for worker in workers:
    worker.start()
started.wait()
# The barrier releases every thread at once; give each a moment to reach the call it blocks in.
time.sleep(0.5)
print("ready", flush=True)
time.sleep(600)  # frame: <module>
