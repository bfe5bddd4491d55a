# Forks a child that exits at once and is never waited for (a zombie), plus a live child; prints
# "ready <zombie pid> <live child pid>".
import os
import subprocess
import time

pid = os.fork()
if pid == 0:
    os._exit(0)
live = subprocess.Popen(["sleep", "1000"])
time.sleep(0.2)
print("ready %d %d" % (pid, live.pid), flush=True)
time.sleep(1000)
