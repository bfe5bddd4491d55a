# Asyncio tasks of known CPU split and known await chains, for record --async-aware and top --async-aware.
# "heavy" and "light" run the same coroutines, 30 ms and 10 ms of the thread's CPU time between yields to the loop,
# so only the task tells their samples apart (75 % and 25 % of them); both are gathered by "main". CPU time, not
# the clock: on a loaded machine a process waits for a CPU, and a turn measured by the clock would overrun by that
# wait once per turn, which adds as much to a short turn as to a long one; a turn measured in CPU time stretches by
# the same factor for both (and calling the clock enters the kernel, so that the sampler, when it waits for a CPU,
# is not let in only when the program switches tasks). Short turns, so that a recording holds many of them.
# "parent" awaits the task
# "child", which waits on a future that never completes through two coroutines. A thread outside asyncio sleeps.
# The second argument, when given, picks the event loop: "asyncio" (the default), "uvloop", or "hidden-thread-id" (an
# asyncio loop that keeps its thread's ident out of its instance dict, as uvloop's loops do) or "task-subclass" (an
# asyncio loop whose task factory makes instances of a Task subclass defined here).
# The first argument names a file where the label of each task's pseudo-frame is written as name=label ("task heavy",
# or "task 0x7F..." on 3.7, whose tasks have no names). "# frame: NAME" marks the lines the tests look for.
import asyncio
import sys
import threading
import time


def spin(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end: pass  # noqa: E701  # frame: spin


async def crunch(seconds):
    spin(seconds)  # frame: crunch


async def worker(seconds):
    while True:
        await crunch(seconds)  # frame: worker
        await asyncio.sleep(0)


async def nap(future):
    await future  # frame: nap


async def sleeper(future):
    await nap(future)  # frame: sleeper


async def parent(child):
    await child  # frame: parent


def side_work():
    while True:
        time.sleep(3600)  # frame: side_work


TASKS = {}


def named(coroutine, name):
    task = asyncio.get_event_loop().create_task(coroutine)
    if hasattr(task, "set_name"):
        task.set_name(name)
    TASKS[name] = task
    return task


def label(name):
    return "task " + name if sys.version_info >= (3, 8) else "task 0x%X" % id(TASKS[name])


async def main(labels):
    future = asyncio.get_event_loop().create_future()
    heavy = named(worker(0.03), "heavy")
    light = named(worker(0.01), "light")
    named(parent(named(sleeper(future), "child")), "parent")
    with open(labels, "w") as out:
        for name in TASKS:
            out.write("%s=%s\n" % (name, label(name)))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    await asyncio.gather(heavy, light)  # frame: main


def new_loop(kind):
    if kind == "uvloop":
        import uvloop
        return uvloop.new_event_loop()
    if kind == "hidden-thread-id":
        return HiddenThreadIdLoop()
    loop = asyncio.new_event_loop()
    if kind == "task-subclass":
        loop.set_task_factory(lambda loop, coro, **kwargs: TracedTask(coro, loop=loop, **kwargs))
    return loop


class TracedTask(asyncio.Task):
    """A task class of the program's own, as task factories make: its instances are C tasks with a dict."""


class HiddenThreadIdLoop(asyncio.SelectorEventLoop):
    """An asyncio loop whose thread is not in its instance dict, as with loops that are not asyncio's (uvloop)."""

    @property
    def _thread_id(self):
        return self.__dict__.get("_ident")

    @_thread_id.setter
    def _thread_id(self, ident):
        self.__dict__["_ident"] = ident


threading.Thread(target=side_work, name="side", daemon=True).start()
loop = new_loop(sys.argv[2] if len(sys.argv) > 2 else "asyncio")
asyncio.set_event_loop(loop)
loop.run_until_complete(named(main(sys.argv[1]), "main"))
