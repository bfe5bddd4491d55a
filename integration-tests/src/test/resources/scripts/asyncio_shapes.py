# Asyncio tasks of known shape for dump --asyncio. A "# frame: NAME" comment marks the line each coroutine frame of
# the dump must show. Runs on Python 3.7+ (task names from 3.8, the TaskGroup from 3.11).
import asyncio
import sys
import threading  # dump names threads from threading._active; Debian's python does not import it by itself


async def leaf(event):
    await event.wait()  # frame: leaf


async def middle(event):
    await leaf(event)  # frame: middle


async def outer(event):
    await middle(event)  # frame: outer


async def worker(event):
    await event.wait()  # frame: worker


async def gatherer(event, name):
    workers = [named(worker(event), "worker-%d" % i) for i in range(5)]
    await asyncio.gather(*workers)  # frame: gatherer


async def consumer(queue):
    await queue.get()  # frame: consumer


async def waiter(task):
    await task  # frame: waiter


async def group_child(event):
    await event.wait()  # frame: group_child


async def grouped(event):
    async with asyncio.TaskGroup() as group:  # frame: grouped
        named(group_child(event), "group-child-1", group)
        named(group_child(event), "group-child-2", group)


# The loop keeps only weak references to its tasks: a task waiting on a future nothing else holds (the consumer's
# queue) would be collected as garbage.
TASKS = []


def named(coroutine, name, group=None):
    task = group.create_task(coroutine) if group else asyncio.ensure_future(coroutine)
    if hasattr(task, "set_name"):
        task.set_name(name)
    TASKS.append(task)
    return task


async def finished():
    return 42


async def spin():
    count = 0
    # One line: a sample may stop at the loop's test or its body, and both must show the marked line.
    while True: count += 1  # noqa: E701  # frame: spin


async def spinner():
    await spin()  # frame: spinner


async def main():
    event = asyncio.Event()
    nested = named(outer(event), "nested")
    named(waiter(nested), "waiter")
    named(consumer(asyncio.Queue()), "consumer")
    named(gatherer(event, "gatherer"), "gatherer")
    if sys.version_info >= (3, 11):
        named(grouped(event), "grouped")
    named(finished(), "finished")
    for _ in range(5):
        await asyncio.sleep(0.01)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    await spinner()  # frame: main


asyncio.run(main())
