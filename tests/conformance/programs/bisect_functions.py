# Construct: bisect's C functions — bisect/bisect_right, bisect_left, insort/insort_right, insort_left — with lo, hi and key=, on lists, tuples, strs, ranges and a program's sequence class, comparisons asked in CPython's order, and Argument Clinic's errors.
import asyncio
import bisect
from collections import deque

grades = [60, 70, 80, 90]
for score in (33, 60, 77, 90, 100):
    print(score, "FDCBA"[bisect.bisect(grades, score)], bisect.bisect_left(grades, score), bisect.bisect_right(grades, score))
xs = [1, 2, 2, 2, 3]
print(bisect.bisect_left(xs, 2), bisect.bisect_right(xs, 2), bisect.bisect(xs, 2, 2), bisect.bisect_left(xs, 2, 0, 2), bisect.bisect(xs, 2, hi=-1))
print(bisect.bisect_left("aceg", "d"), bisect.bisect(range(0, 100, 10), 35), bisect.bisect((1, 3, 5), 4))
for v in (5, 1, 4, 1, 3):
    bisect.insort(xs, v)
    bisect.insort_left(xs, v)
print(xs)
people = [("ada", 36), ("bob", 41), ("cy", 55)]
bisect.insort(people, ("dee", 40), key=lambda p: p[1])
print(people, bisect.bisect(people, 41, key=lambda p: p[1]))
d = deque([1, 5, 9])
bisect.insort(d, 6)
print(d)


class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        print("  probe", i)
        return i * i


print(bisect.bisect_left(Squares(20), 50))


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print(f"  {self.v} < {other.v}?")
        return self.v < other.v


print(bisect.bisect([Loud(1), Loud(3), Loud(5)], Loud(4)), bisect.bisect_left([Loud(1), Loud(3), Loud(5)], Loud(3)))
for call in (lambda: bisect.bisect([1]), lambda: bisect.bisect(), lambda: bisect.bisect([1, 2], 1, -1), lambda: bisect.bisect([1, 2], 1, "a"),
             lambda: bisect.bisect([1, 2], 1, hi="x"), lambda: bisect.bisect([1, 2], 1, 0, 5), lambda: bisect.bisect(5, 1),
             lambda: bisect.insort((1, 2), 1), lambda: bisect.bisect([1, 2], 1, foo=1), lambda: bisect.bisect([1, 2, 3], 2, 0, 2, 4),
             lambda: bisect.bisect([1, 2, 3], 2, lo=None), lambda: bisect.bisect([1, "a"], 2), lambda: bisect.bisect_left([1, 2], 1, 0, lo=1),
             lambda: bisect.insort_left([1], 2, x=3)):
    try:
        print(call())
    except (TypeError, ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
print(bisect.bisect, bisect.insort, bisect.bisect_left)


async def leaderboard():
    board = []

    async def player(name, score, delay):
        await asyncio.sleep(delay)
        bisect.insort(board, (-score, name))
        print(f"{delay:.1f} {name} joins at rank {bisect.bisect_left(board, (-score, name)) + 1}: {[n for _, n in board]}")

    await asyncio.gather(player("ann", 50, 0.3), player("ben", 80, 0.1), player("cat", 65, 0.2), player("dan", 80, 0.4))


asyncio.run(leaderboard())
