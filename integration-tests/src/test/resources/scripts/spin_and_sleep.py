# One named thread spins in pure Python (holding the GIL), another sleeps, and the main thread sleeps too.
# Runs on Python 2.7 and 3. "# frame: NAME" marks the lines tests look for.
import sys
import threading
import time


def spin():
    x = 0
    while True: x += 1  # frame: spin


def sleeper():
    time.sleep(3600)  # frame: sleeper


for target, name in ((spin, "Spinner"), (sleeper, "Sleeper")):
    thread = threading.Thread(target=target, name=name)
    thread.daemon = True
    thread.start()
# Let both threads reach their loops before the test starts sampling.
time.sleep(0.3)
sys.stdout.write("ready\n")
sys.stdout.flush()
time.sleep(3600)  # frame: main
