# Starts short-lived Python children as fast as it can, two ways at once: one "python -c" child at a time
# (subprocess.Popen of sys.executable, which computes 50 ms, then exits) and, while that one starts up,
# os.fork() children that compute a millisecond and leave with os._exit. Every 50 ms the number of children started
# so far is written to the file named by the first argument, so that a test can tell how fast they came and went.
# Runs on Python 2.7 and 3. "# frame: NAME" marks lines tests look for.
import os
import subprocess
import sys
import time

# Each "python -c" child computes 50 ms: long enough to be found and read at its work on a busy machine, where the
# forked children (1 ms) are mostly missed.
POPEN_CHILD = ("import time\n"
               "def popen_child():\n"
               "    until = time.time() + 0.05\n"
               "    while time.time() < until: pass\n"
               "popen_child()\n")


def compute(seconds):
    until = time.time() + seconds
    while time.time() < until:
        pass


def forked_child():
    compute(0.001)  # frame: forked_child


def fork_one():
    pid = os.fork()
    if pid == 0:
        try:
            forked_child()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def publish(path, started):
    temporary = path + ".tmp"
    with open(temporary, "w") as out:
        out.write(str(started))
    os.rename(temporary, path)


def storm(path):
    started = 0
    published = 0.0
    while True:
        spawned = subprocess.Popen([sys.executable, "-c", POPEN_CHILD])
        started += 1
        while spawned.poll() is None:
            fork_one()  # frame: storm
            started += 1
        if time.time() - published > 0.05:
            publish(path, started)
            if published == 0.0:
                sys.stdout.write("ready\n")
                sys.stdout.flush()
            published = time.time()


storm(sys.argv[1])
