# Nested calls. A "# frame: NAME" comment marks the line each frame of the dump must show.
import threading  # dump names threads from threading._active; Debian's python does not import it by itself
import time


def level_three():
    print("ready", flush=True)
    time.sleep(600)  # frame: level_three


def level_two():
    level_three()  # frame: level_two


def level_one():
    level_two()  # frame: level_one


level_one()  # frame: <module>
