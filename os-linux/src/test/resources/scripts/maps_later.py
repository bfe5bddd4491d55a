# Prints "ready", waits until the file argv[2] exists, then maps the file argv[1] read-only and prints "mapped".
import mmap
import os
import sys
import time

print("ready", flush=True)
while not os.path.exists(sys.argv[2]):
    time.sleep(0.01)
with open(sys.argv[1], "rb") as f:
    mapping = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
print("mapped", flush=True)
time.sleep(1000)
