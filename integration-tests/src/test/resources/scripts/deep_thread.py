# A thread 70,000 calls deep (far past any frame cap) and an ordinary one beside it, both sleeping.
# Runs on Python 2.7 and 3. "# frame: NAME" marks the lines tests look for.
import sys
import threading
import time

DEPTH = 70000
bottom_reached = threading.Event()


def dive(depth):
    if depth > 1:
        return dive(depth - 1)  # frame: dive
    bottom_reached.set()
    time.sleep(3600)  # frame: bottom


def shallow():
    time.sleep(3600)  # frame: shallow


sys.setrecursionlimit(DEPTH + 1000)
# Before 3.11 every Python call also takes C stack; 3.11+ keep Python frames on their own data stack.
threading.stack_size(512 << 20)
deep = threading.Thread(target=dive, args=(DEPTH,), name="Deep")
deep.daemon = True
deep.start()
threading.stack_size(0)
other = threading.Thread(target=shallow, name="Shallow")
other.daemon = True
other.start()
bottom_reached.wait(120)
sys.stdout.write("ready\n")
sys.stdout.flush()
time.sleep(3600)  # frame: main
