# A short CPU-bound program: computes in first_phase for its first 50 ms, in second_phase until SECONDS have
# passed since its first line, then prints how long it ran by its own clock:
#   python short_phases.py SECONDS        prints e.g. "ran 0.150 s"
# Runs on Python 2.7 and 3.
import sys
import time

started = time.time()
FIRST_PHASE_SECONDS = 0.05


def first_phase(until):
    while time.time() < until:
        pass


def second_phase(until):
    while time.time() < until:
        pass


first_phase(started + FIRST_PHASE_SECONDS)
second_phase(started + float(sys.argv[1]))
sys.stdout.write("ran %.3f s\n" % (time.time() - started))
