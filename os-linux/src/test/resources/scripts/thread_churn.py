# Starts short-lived threads without pause, so threads appear and vanish while the process is being paused.
import threading


def short_task():
    sum(range(200))


print("ready", flush=True)
while True:
    workers = [threading.Thread(target=short_task) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
