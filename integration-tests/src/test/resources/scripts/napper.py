# One thread spins in pure Python (holding the GIL); another naps 50 ms in nap_a, then 50 ms in nap_b, for good, so
# that it sleeps nearly all the time yet its stack changes twenty times a second. Runs on Python 2.7 and 3.
import sys
import threading
import time


def spin():
    x = 0
    while True: x += 1  # frame: spin


def nap_a():
    time.sleep(0.05)  # frame: nap_a


def nap_b():
    time.sleep(0.05)  # frame: nap_b


def napper():
    while True:
        nap_a()
        nap_b()


for target, name in ((spin, "Spinner"), (napper, "Napper")):
    thread = threading.Thread(target=target, name=name)
    thread.daemon = True
    thread.start()
time.sleep(0.3)
sys.stdout.write("ready\n")
sys.stdout.flush()
time.sleep(3600)
