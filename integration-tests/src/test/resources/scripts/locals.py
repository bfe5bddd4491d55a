# -*- coding: utf-8 -*-
# Arguments and locals of every kind dump --locals renders, in the frame of inspected(). Runs on Python 2.7 and 3.
# The first argument is a file to which the script writes, as JSON, the id() (address) of every argument and
# local before it says "ready"; "# frame: NAME" marks the lines the frames must show.
import json
import sys
import threading  # dump names threads from threading._active; Debian's python does not import it by itself
import time


class Thing(object):
    pass


def write_ids(path, variables):
    with open(path, "w") as ids:
        json.dump(dict((name, id(value)) for name, value in variables.items()), ids)


def inspected(number, label, *extra, **options):
    small_int = 42
    big_int = 2 ** 100
    negative_int = -7
    big_negative_int = -(2 ** 70)
    a_float = 2.5
    tiny_float = 1.5e-07
    huge_float = 1e16
    true = True
    false = False
    nothing = None
    text = "say \"hi\"\n\tback\\slash"
    latin = u"ünïcödé"
    wide = u"名前"
    astral = u"\U0001F4A9 pile"
    long_text = "abcdefghij" * 30
    raw = b"bin\x00\xff"
    a_list = [1, 2.5, None, True]
    long_list = list(range(100))
    empty_list = []
    a_tuple = (1, "two")
    single = (7,)
    empty_tuple = ()
    a_dict = {1: "one", 2: (3, 4)}
    empty_dict = {}
    a_set = set([3, 4])
    empty_set = set()
    thing = Thing()
    write_ids(sys.argv[1], locals())
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    time.sleep(600)  # frame: inspected


inspected(5, "lbl", "more", key="value")  # frame: <module>
