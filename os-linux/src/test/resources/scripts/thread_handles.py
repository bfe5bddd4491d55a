# Starts N idle threads (N = argv[1], default 3) and prints "ready" followed by one "<pthread_t>:<kernel tid>" pair
# per thread, main thread first, so a test can check how pthread_t handles map to OS thread ids.
import sys
import threading

count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
started = threading.Barrier(count + 1)
stop = threading.Event()


def idle():
    started.wait()
    stop.wait()


threads = [threading.Thread(target=idle, daemon=True) for _ in range(count)]
for thread in threads:
    thread.start()
started.wait()
pairs = ["%d:%d" % (threading.get_ident(), threading.get_native_id())]
pairs += ["%d:%d" % (t.ident, t.native_id) for t in threads]
print("ready " + " ".join(pairs), flush=True)
stop.wait()
