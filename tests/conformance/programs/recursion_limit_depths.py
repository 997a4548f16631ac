# Construct: the recursion limit as CPython 3.11 counts it: plain recursion at module level and inside
# a task (9 levels of asyncio's own frames below a task), and through an lru_cache wrapper (a C call:
# two levels per call, and "while calling a Python object" when the C call is the one refused).
import asyncio
def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)
def find(f):
    lo = 950
    while True:
        try:
            f(lo)
            lo += 1
        except RecursionError as e:
            return lo, str(e)
async def main():
    print(find(plain))
print(find(plain))
asyncio.run(main())
from functools import lru_cache
import sys
@lru_cache(maxsize=None)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
for n in (300, 490, 495, 497, 498, 499, 500, 600, 990, 1200):
    depth.cache_clear()
    try:
        print(n, depth(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
async def main2():
    for n in (480, 490, 494, 495, 496, 497, 498):
        depth.cache_clear()
        try:
            print(n, depth(n))
        except RecursionError as e:
            print(n, "RecursionError", e)
    print("ok")
asyncio.run(main2())
