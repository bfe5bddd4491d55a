# Maps the file argv[1] read-only (as a loader would map a library) and prints "ready", then sleeps.
import mmap
import sys
import time

with open(sys.argv[1], "rb") as f:
    mapping = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
print("ready", flush=True)
time.sleep(1000)
