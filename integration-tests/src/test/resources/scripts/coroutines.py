# An asyncio coroutine that computes, awaited by another, on an event loop (Python 3.6+).
# "# frame: NAME" marks the lines tests look for.
import asyncio
import sys
import time


async def crunch(seconds):
    end = time.time() + seconds
    while time.time() < end: pass  # frame: crunch


async def worker():
    while True:
        await crunch(0.05)  # frame: worker
        await asyncio.sleep(0.001)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
sys.stdout.write("ready\n")
sys.stdout.flush()
loop.run_until_complete(worker())
