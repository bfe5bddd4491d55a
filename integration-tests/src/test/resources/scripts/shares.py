# Spends 50 %, 30 % and 20 % of wall time in three functions, busy all the time: the shares a profile of it must
# show. Which function runs is decided by the wall clock alone, in a cycle of 100 ms: 0-50 ms fifty, 50-80 ms
# thirty, 80-100 ms twenty. On a busy machine a function often notices the end of its phase late; as every phase
# both starts and ends late that way, no function gains from it, which would not hold if the program counted time
# from when each function started. Runs on Python 2.7 and 3. "# frame: NAME" marks the lines tests look for.
import sys
import time


def fifty():  # frame: def-fifty
    while time.time() % 0.1 < 0.05: pass  # frame: fifty


def thirty():  # frame: def-thirty
    while 0.05 <= time.time() % 0.1 < 0.08: pass  # frame: thirty


def twenty():  # frame: def-twenty
    while time.time() % 0.1 >= 0.08: pass  # frame: twenty


sys.stdout.write("ready\n")
sys.stdout.flush()
while True:
    phase = time.time() % 0.1
    if phase < 0.05:
        fifty()  # frame: call-fifty
    elif phase < 0.08:
        thirty()  # frame: call-thirty
    else:
        twenty()  # frame: call-twenty
