# Says it is ready, then exits after the number of seconds given as its argument.
import sys
import time

print("ready", flush=True)
time.sleep(float(sys.argv[1]))
