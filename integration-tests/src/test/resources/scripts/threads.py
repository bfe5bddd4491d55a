# Named threads, one spinning in pure Python, the others blocked. "# frame: NAME" marks each thread's leaf line.
# The first argument is a file to which the script writes, as JSON, the name, ident and Linux thread id of every
# thread before it says "ready". Runs on Python 2.7 and 3: no threading.Barrier, no daemon= argument.
import os
import sys
import threading
import time

import thread_identity

# The spinning thread must not slow the tests running alongside on a small machine: at the lowest priority (which
# the threads started below inherit, Linux setpriority(2) being per thread) it still runs whenever a core is free,
# is still runnable (state R, "active") while it waits for one, and keeps the GIL, which nobody else asks for.
os.nice(19)

identities = []


def busy(started):
    identities.append(thread_identity.current())
    started.set()
    x = 0
    while True: x += 1  # frame: busy


def sleeper(started):
    identities.append(thread_identity.current())
    started.set()
    time.sleep(600)  # frame: sleeper


def waiter(started, event):
    identities.append(thread_identity.current())
    started.set()
    event.wait()  # frame: waiter


workers = [
    (busy, (), "BusyWorker"),
    (sleeper, (), "Sleeper-1"),
    (sleeper, (), "Sleeper-2"),
    (waiter, (threading.Event(),), "Waiter"),
]
started = []
for function, args, name in workers:
    event = threading.Event()
    thread = threading.Thread(target=function, args=(event,) + args, name=name)
    thread.daemon = True
    thread.start()
    started.append(event)
for event in started:
    event.wait()
identities.append(thread_identity.current())
thread_identity.write(sys.argv[1], identities)
# Each thread set its event just before the call it stays in; give each a moment to get there.
time.sleep(0.5)
sys.stdout.write("ready\n")
sys.stdout.flush()
time.sleep(600)  # frame: <module>
