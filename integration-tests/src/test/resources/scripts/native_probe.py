# The target of the --native dump tests: one thread in each kind of native code the nativeprobe extension has, all
# napping inside their spinning C functions (see probe.h), so that the target costs almost no CPU. A "# frame: NAME"
# comment marks the line each Python frame of a dump must show. Runs on Python 2.7 and 3.
# Arguments: the directory of the built nativeprobe extension, and a file to write the C-created threads' ids to.
import json
import sys
import threading
import time

sys.path.insert(0, sys.argv[1])
import nativeprobe  # noqa: E402

SECONDS = 600
NAP_MS = 20


def callback():
    nativeprobe.spin_c(SECONDS, NAP_MS)  # frame: callback


def main_caller():
    nativeprobe.call_back(callback)  # frame: main_caller


def plain_caller():
    nativeprobe.spin_c(SECONDS, NAP_MS)  # frame: plain_caller


def cpp_caller():
    nativeprobe.spin_cpp(SECONDS, NAP_MS)  # frame: cpp_caller


def cfi_caller():
    nativeprobe.spin_cfi(SECONDS, NAP_MS)  # frame: cfi_caller


def hidden_caller():
    nativeprobe.spin_hidden(SECONDS, NAP_MS)  # frame: hidden_caller


def gil_thread_body():
    nativeprobe.spin_c(SECONDS, NAP_MS)  # frame: gil_thread_body


def start(name, function):
    thread = threading.Thread(target=function, name=name)
    thread.daemon = True
    thread.start()


def announce_when_spinning(expected, info):
    # Every spinner counts itself in once inside its loop: only then are all stacks where the tests expect them.
    while nativeprobe.running() < expected:
        time.sleep(0.01)
    with open(sys.argv[2], "w") as out:
        json.dump(info, out)
    sys.stdout.write("ready\n")
    sys.stdout.flush()


info = {
    "gil_thread_tid": nativeprobe.start_gil_thread(gil_thread_body),
    "c_thread_tid": nativeprobe.start_c_thread(SECONDS, NAP_MS),
}
start("plain", plain_caller)
start("cpp", cpp_caller)
start("cfi", cfi_caller)
start("hidden", hidden_caller)
announcer = threading.Thread(target=announce_when_spinning, args=(7, info))
announcer.daemon = True
announcer.start()
main_caller()  # frame: <module>
