# Threads deep in recursion, one per depth given as an argument (70,000 calls, far past any frame cap, when none is
# given), each named "Deep-DEPTH", and an ordinary thread beside them, all sleeping.
# Runs on Python 2.7 and 3. "# frame: NAME" marks the lines tests look for.
import sys
import threading
import time

DEPTHS = [int(depth) for depth in sys.argv[1:]] or [70000]
bottoms_reached = threading.Semaphore(0)


def dive(depth):
    if depth > 1:
        return dive(depth - 1)  # frame: dive
    bottoms_reached.release()
    time.sleep(3600)  # frame: bottom


def shallow():
    time.sleep(3600)  # frame: shallow


sys.setrecursionlimit(max(DEPTHS) + 1000)
# Before 3.11 every Python call also takes C stack; 3.11+ keep Python frames on their own data stack.
threading.stack_size(512 << 20)
for depth in DEPTHS:
    deep = threading.Thread(target=dive, args=(depth,), name="Deep-%d" % depth)
    deep.daemon = True
    deep.start()
threading.stack_size(0)
other = threading.Thread(target=shallow, name="Shallow")
other.daemon = True
other.start()
for depth in DEPTHS:
    bottoms_reached.acquire()
sys.stdout.write("ready\n")
sys.stdout.flush()
time.sleep(3600)  # frame: main
