# The target of the --native record test: the main thread spins in C, busy (no naps), called from Python.
# Arguments: the directory of the built nativeprobe extension.
import sys

sys.path.insert(0, sys.argv[1])
import nativeprobe  # noqa: E402


def spin_caller():
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        nativeprobe.spin_c(600)  # frame: spin_caller


spin_caller()  # frame: <module>
