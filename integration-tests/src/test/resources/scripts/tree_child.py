# A busy process of the process-tree tests (--subprocesses). Runs on Python 2.7 and 3:
#   python tree_child.py FUNCTION [MARKER]
# calls FUNCTION (one of those below), which writes this process's pid to the file $TREE_MARKERS/MARKER (MARKER
# defaults to FUNCTION), then computes (a twentieth of the time, sleeping the rest) until the file
# $TREE_MARKERS/MARKER.stop appears.
# "# frame: NAME" marks the lines tests look for.
import os
import sys
import time


def spin(marker):
    markers = os.environ["TREE_MARKERS"]
    written = os.path.join(markers, marker + ".tmp")
    with open(written, "w") as out:
        out.write(str(os.getpid()))
    # Renamed into place, so that whoever sees the marker also sees the pid in it.
    os.rename(written, os.path.join(markers, marker))
    stop = os.path.join(markers, marker + ".stop")
    while not os.path.exists(stop):
        # Computes a twentieth of the time: pausing a process waits until each of its threads gets a CPU, and the
        # trees of the tests that run side by side would otherwise keep the CPUs of the machine busy.
        until = time.time() + 0.001
        while time.time() < until:  # frame: spin
            pass
        time.sleep(0.019)


def popen_child(marker):
    spin(marker)  # frame: popen_child


def shell_grandchild(marker):
    spin(marker)  # frame: shell_grandchild


def first_child(marker):
    spin(marker)  # frame: first_child


def second_child(marker):
    spin(marker)  # frame: second_child


def mixed_child(marker):
    spin(marker)  # frame: mixed_child


if __name__ == "__main__":
    function = sys.argv[1]
    globals()[function](sys.argv[2] if len(sys.argv) > 2 else function)
