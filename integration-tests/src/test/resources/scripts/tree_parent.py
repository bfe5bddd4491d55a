# The root of the process trees of the --subprocesses tests. It sets $TREE_MARKERS to MARKERS, a directory where each
# busy process of the tree writes its pid once it computes (see tree_child.py), and sleeps while they run.
# Runs on Python 2.7 and 3:
#   python tree_parent.py MARKERS all
#       starts four busy processes: popen_child (subprocess.Popen of sys.executable), mp_child (multiprocessing),
#       shell_grandchild (under "sh -c", a process that is not Python) and dash_c_child ("python -c" with a script
#       of several lines, holding a semicolon, quotes, tabs and a backslash, which creates the empty marker
#       MARKERS/dash_c); says "ready" once all four compute.
#   python tree_parent.py MARKERS sequence
#       says "ready"; once MARKERS/go appears, runs first_child to its end (it ends when MARKERS/first_child.stop
#       appears), then starts second_child.
#   python tree_parent.py MARKERS mixed PYTHON...
#       starts "PYTHON tree_child.py mixed_child mixed_<i>" for the i-th PYTHON; says "ready" once all compute.
# "# frame: NAME" marks the lines tests look for.
import multiprocessing
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no .pyc files among the test's scripts
from tree_child import spin  # noqa: E402

CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tree_child.py")
# Kept short: a process frame cuts a command line after 240 characters, and the tests compare it whole.
DASH_C = ("import os, time; m = os.environ['TREE_MARKERS']\n"
          "def dash_c_child():\n"
          "\topen(m + \"/dash_c\", 'w').close() # \\\n"
          "\twhile 1: sum(range(40000)); time.sleep(.019)\n"
          "dash_c_child()\n")


def mp_child():
    spin("mp_child")  # frame: mp_child


def await_markers(markers, names):
    deadline = time.time() + 60
    while not all(os.path.exists(os.path.join(markers, name)) for name in names):
        if time.time() > deadline:
            sys.exit("children did not start: " + ", ".join(sorted(os.listdir(markers))))
        time.sleep(0.01)


def await_file(path):
    while not os.path.exists(path):
        time.sleep(0.01)


def parent_waits():
    while True:
        time.sleep(3600)  # frame: parent_waits


def main():
    markers = sys.argv[1]
    os.environ["TREE_MARKERS"] = markers
    mode = sys.argv[2]
    children = []
    if mode == "all":
        children.append(subprocess.Popen([sys.executable, CHILD, "popen_child"]))
        worker = multiprocessing.Process(target=mp_child)
        worker.daemon = True
        worker.start()
        children.append(subprocess.Popen(["sh", "-c", '"$0" "$@"; exit $?', sys.executable, CHILD,
                                          "shell_grandchild"]))
        children.append(subprocess.Popen([sys.executable, "-c", DASH_C]))
        await_markers(markers, ["popen_child", "mp_child", "shell_grandchild", "dash_c"])
    elif mode == "mixed":
        for i, python in enumerate(sys.argv[3:]):
            children.append(subprocess.Popen([python, CHILD, "mixed_child", "mixed_%d" % i]))
        await_markers(markers, ["mixed_%d" % i for i in range(len(sys.argv) - 3)])
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    if mode == "sequence":
        await_file(os.path.join(markers, "go"))
        subprocess.Popen([sys.executable, CHILD, "first_child"]).wait()
        children.append(subprocess.Popen([sys.executable, CHILD, "second_child"]))
    parent_waits()


if __name__ == "__main__":
    main()
