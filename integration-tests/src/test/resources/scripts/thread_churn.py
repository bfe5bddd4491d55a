# Threads are started and joined as fast as the interpreter manages (hundreds a second) while one thread lives
# for good, mostly asleep so that it does not hold the GIL the others need to start; every batch, the number started so far is written to the file named by the first argument, so that a
# test can tell how fast they came and went. Runs on Python 2.7 and 3. "# frame: NAME" marks lines tests look for.
import os
import sys
import threading
import time

BATCH = 10


def short_lived(n):
    total = 0
    for i in range(n):  # frame: short_lived
        total += i
    return total


def steady():
    while True: time.sleep(0.0005)  # frame: steady


def publish(path, started):
    temporary = path + ".tmp"
    with open(temporary, "w") as out:
        out.write(str(started))
    os.rename(temporary, path)


def churn(path):
    started = 0
    while True:
        batch = [threading.Thread(target=short_lived, args=(20000,), name="Churn-%d" % (started + i))
                 for i in range(BATCH)]
        for thread in batch:
            thread.start()
        for thread in batch:
            thread.join()  # frame: join
        started += BATCH
        publish(path, started)
        if started == BATCH:
            sys.stdout.write("ready\n")
            sys.stdout.flush()


spinner = threading.Thread(target=steady, name="Steady")
spinner.daemon = True
spinner.start()
churn(sys.argv[1])
