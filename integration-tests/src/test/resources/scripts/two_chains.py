# Threads that switch between two call chains as fast as they can (a_outer > a_middle > a_leaf and the b_ ones,
# never mixed), beside a thread blocked on an event for good. A sampled stack of a worker that mixes the chains, or
# cuts one short, was read while the thread changed it. The first argument is a file to which the script writes the
# blocked thread's Linux thread id before it says "ready". Runs on Python 2.7 and 3.
import sys
import threading

import thread_identity

# The workers are not given a lower priority: a sampler stops the GIL's holder at every round, and a thread of the
# lowest priority may wait long for a CPU to enter that stop on a busy machine.
WORKERS = 3
forever = threading.Event()


def a_leaf():
    total = 0
    for i in range(200):  # frame: a_leaf
        total += i
    return total


def a_middle():
    return a_leaf()


def a_outer():
    return a_middle()


def b_leaf():
    total = 0
    for i in range(200):  # frame: b_leaf
        total -= i
    return total


def b_middle():
    return b_leaf()


def b_outer():
    return b_middle()


def work():
    while True:
        a_outer()
        b_outer()


def blocked(identity):
    identity.append(thread_identity.current())
    forever.wait()  # frame: blocked


identity = []
blocker = threading.Thread(target=blocked, args=(identity,), name="Blocked")
blocker.daemon = True
blocker.start()
while not identity:
    forever.wait(0.01)
thread_identity.write(sys.argv[1], identity)
for n in range(WORKERS):
    worker = threading.Thread(target=work, name="Worker-%d" % n)
    worker.daemon = True
    worker.start()
print("ready")
sys.stdout.flush()
forever.wait()
