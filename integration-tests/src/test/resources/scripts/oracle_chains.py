# A program whose every stack is known and whose time split is known: the main thread alternates, as fast as its
# loops allow, between two call chains (a_outer > a_middle > a_leaf and the b_ ones, never mixed) whose leaves run
# the same loop body over the same values, chain a twice as many times as chain b in every round. So two thirds of
# the time spent in the chains is in chain a, one third in chain b, whatever the machine's speed or load. Every
# value is a small int that CPython caches (no iteration allocates), so that no iteration costs more than another.
# The rounds vary in length (1,000 to 5,000 iterations of chain b, from a fixed sequence), so that a sampler's
# steady period cannot keep meeting the program at the same point of its rounds; each chain runs for tens to
# hundreds of microseconds at a time, long beside the few microseconds a non-blocking sample takes, so that the
# samples given up as torn (those the thread changed twice while they were copied) are too few to bend the shares.
# Runs on Python 2.7 and 3.
import sys

ROUNDS = 97


def round_lengths():
    lengths = []
    state = 12345
    for _ in range(ROUNDS):
        state = (state * 1103515245 + 12345) % 2147483648
        lengths.append(1000 + state % 4001)
    return lengths


def a_leaf(values):
    total = 0
    for value in values:  # frame: a_leaf
        total ^= value
    return total


def a_middle(values):
    return a_leaf(values)


def a_outer(values):
    return a_middle(values)


def b_leaf(values):
    total = 0
    for value in values:  # frame: b_leaf
        total ^= value
    return total


def b_middle(values):
    return b_leaf(values)


def b_outer(values):
    return b_middle(values)


rounds = [((1,) * (2 * length), (1,) * length) for length in round_lengths()]
print("ready")
sys.stdout.flush()
while True:
    for a_values, b_values in rounds:
        a_outer(a_values)
        b_outer(b_values)
