# Run by "record -- python launched.py STATUS GO_FILE": echoes a line of its standard input to standard output,
# writes to standard error, computes until the file GO_FILE appears (the test creates it once pyspy4j samples),
# a little longer, then exits with STATUS. Runs on Python 2.7 and 3. "# frame: NAME" marks lines tests look for.
import os
import sys
import time


def work(go_file):
    n = 0
    # Looks for the file every 100000 rounds, so that nearly every sample finds this line.
    while n % 100000 or not os.path.exists(go_file): n += 1  # frame: work
    end = time.time() + 0.2
    while time.time() < end: pass


line = sys.stdin.readline().strip()
sys.stdout.write("launched got '%s' on stdin\n" % line)
sys.stdout.flush()
sys.stderr.write("launched writes to stderr\n")
sys.stderr.flush()
work(sys.argv[2])  # frame: call-work
sys.exit(int(sys.argv[1]))
