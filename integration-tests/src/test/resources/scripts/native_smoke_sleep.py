# One named thread sleeping in time.sleep, for dump --native: its native stack holds the C library's sleep above
# the Python frame that called it. "# frame: NAME" marks the lines tests look for.
import sys
import threading
import time


def sleeper():
    while True:
        time.sleep(600)  # frame: sleeper


thread = threading.Thread(target=sleeper, name="Sleeper")
thread.daemon = True
thread.start()
# Let the thread reach its sleep before the test reads it.
time.sleep(0.3)
sys.stdout.write("ready\n")
sys.stdout.flush()
time.sleep(600)  # frame: <module>
