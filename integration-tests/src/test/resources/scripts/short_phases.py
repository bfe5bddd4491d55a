# A short CPU-bound program: computes in first_phase for its first 50 ms of CPU time, in second_phase until it has
# used SECONDS of CPU time since its first line, then prints how long it ran by the wall clock:
#   python short_phases.py SECONDS        prints e.g. "ran 0.150 s"
# The phases are measured in the program's own CPU time so that on a busy machine, where the program gets a share
# of a core, they stretch in wall time as everything else does, pyspy4j included. Runs on Python 2.7 and 3.
import sys
import time

cpu_time = getattr(time, "process_time", None) or time.clock
started = time.time()
started_cpu = cpu_time()
FIRST_PHASE_SECONDS = 0.05


def first_phase(until):
    while cpu_time() < until:
        pass


def second_phase(until):
    while cpu_time() < until:
        pass


first_phase(started_cpu + FIRST_PHASE_SECONDS)
second_phase(started_cpu + float(sys.argv[1]))
sys.stdout.write("ran %.3f s\n" % (time.time() - started))
