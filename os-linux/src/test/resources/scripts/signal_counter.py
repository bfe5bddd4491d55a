# Counts SIGUSR1 deliveries and prints "usr1 <count>" for each, so a test can check that no signal is lost.
import signal
import time

received = [0]


def on_usr1(signum, frame):
    received[0] += 1
    print("usr1 %d" % received[0], flush=True)


signal.signal(signal.SIGUSR1, on_usr1)
print("ready", flush=True)
while True:
    time.sleep(0.001)
