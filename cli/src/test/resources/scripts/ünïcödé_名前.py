# Function, class and file names outside ASCII. "# frame: NAME" marks the line each frame must show.
import threading  # dump names threads from threading._active; Debian's python does not import it by itself
import time


def 関数():
    print("ready", flush=True)
    time.sleep(600)  # frame: 関数


class Клас:
    def метод(self):
        関数()  # frame: метод


Клас().метод()  # frame: <module>
