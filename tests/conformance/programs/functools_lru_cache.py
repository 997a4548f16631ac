# Construct: functools.lru_cache and cache: hits and misses (a recursive fib computed once per n), the
# key as CPython's _make_key makes it (keywords, typed=True: 1, 1.0 and True apart), eviction of the least
# recently used, methods (self in the key), a coroutine function cached (its coroutine reused: CPython's
# RuntimeError), cache_clear, cache_parameters, the names update_wrapper copies, reprs and errors.
import asyncio
import functools
from functools import lru_cache, cache

calls = []

@lru_cache
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

@cache
def square(x):
    """Squares x."""
    print("computing", x)
    return x * x

@lru_cache(maxsize=2)
def slow(x, *, scale=1):
    print("slow", x, scale)
    return x * scale

@lru_cache(maxsize=None, typed=True)
def typed_one(x):
    print("typed", repr(x))
    return x

class Repo:
    def __init__(self, name):
        self.name = name
    @lru_cache(maxsize=8)
    def lookup(self, key):
        print("lookup", self.name, key)
        return f"{self.name}:{key}"
    def __hash__(self):
        return hash(self.name)
    def __eq__(self, other):
        return self.name == other.name

@lru_cache
async def fetch(x):
    await asyncio.sleep(0.1)
    return x * 10

async def main():
    print(fib(80), len(calls))
    print(fib(10), len(calls))
    print(square(3), square(3), square(4))
    print(square.__name__, square.__doc__, square.__module__, square.__qualname__, square.__wrapped__)
    print(square.cache_parameters(), fib.cache_parameters(), slow.cache_parameters())
    print(slow(1), slow(2), slow(1), slow(3), slow(2), slow(1))
    print(slow(1, scale=2), slow(1, scale=2))
    print(typed_one(1), typed_one(1.0), typed_one(True), typed_one(1))
    r = Repo("a")
    print(r.lookup(1), r.lookup(1), Repo("a").lookup(1), Repo("b").lookup(1))
    print(await fetch(2))
    c = fetch(3)
    print(await c)
    try:
        await fetch(3)
    except RuntimeError as e:
        print("RuntimeError:", e)
    square.cache_clear()
    print(square(3))
    print(type(square).__name__, callable(square))
    try:
        square([1])
    except TypeError as e:
        print(e)
    try:
        lru_cache("x")
    except TypeError as e:
        print(e)
    try:
        lru_cache(3)(5)
    except TypeError as e:
        print(e)
    try:
        square.nope
    except AttributeError as e:
        print(e)
    zero = lru_cache(0)(lambda x: print("zero", x))
    zero(1); zero(1)
    neg = lru_cache(-5)(lambda x: x)
    print(neg.cache_parameters())
    try:
        lru_cache(10**30)(lambda x: x)
    except OverflowError as e:
        print(e)
    print({int: 1}[type(1)], {type(2): "a", type("s"): "b"}[str])
    square.extra = 5
    print(square.extra)
    print(lru_cache(maxsize=3))
    print(functools.lru_cache)
    print(square.cache_clear)
    print(square)
    print(square.cache_parameters)

asyncio.run(main())
@functools.lru_cache(maxsize=4)
def lf(x):
    "doc f"
    return x
@functools.wraps(lf)
def lg(x):
    return lf(x)
print(lg.__name__, lg.__doc__, lg.cache_parameters(), lg.__wrapped__ is lf, lf.__wrapped__.__name__)
# After cache_clear, eviction starts again from the oldest key
@lru_cache(maxsize=2)
def evicting(x):
    print("miss", x)
    return x
for x in (1, 2, 3):
    evicting(x)
evicting.cache_clear()
for x in ("a", "b", "c", "b", "a"):
    evicting(x)
