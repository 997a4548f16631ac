# Construct: an lru_cache's cache_info() (the CacheInfo named tuple: its repr, fields, maxsize None for functools.cache, 0 for maxsize=0), cache_clear() resetting it, cache_parameters(), and the TypeErrors of calling them with arguments, in an asyncio program memoising a slow lookup.
import asyncio
import functools


@functools.lru_cache(maxsize=2)
def square(n):
    return n * n


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=0)
def nothing(n):
    return n


@functools.lru_cache(typed=True)
def typed(x):
    return x


async def worker(name, values):
    for v in values:
        await asyncio.sleep(0.01)
        print(name, v, square(v), square.cache_info())


async def main():
    print(square.cache_info())
    await asyncio.gather(worker("a", [1, 2, 1]), worker("b", [3, 1, 2]))
    info = square.cache_info()
    print(info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info), info == (info.hits, info.misses, 2, 2))
    print(type(info).__name__, type(info).__module__, type(info).__qualname__, info._fields, isinstance(info, tuple))
    print(info._asdict(), info._replace(hits=0))
    h, m, size, cur = info
    print(h + m, size, cur)
    print(fib(30), fib.cache_info(), fib.cache_parameters())
    fib.cache_clear()
    print(fib.cache_info())
    print(fib(5), fib.cache_info())
    nothing(1)
    nothing(1)
    print(nothing.cache_info(), nothing.cache_parameters())
    typed(1)
    typed(1.0)
    typed(1)
    print(typed.cache_info(), typed.cache_parameters())
    for call in (lambda: square.cache_info(1), lambda: square.cache_info(full=True), lambda: square.cache_clear(1),
                 lambda: square.cache_clear(now=True), lambda: square.cache_parameters(1)):
        try:
            call()
        except TypeError as e:
            print(type(e).__name__, e)
    square.cache_clear()
    print(square.cache_info(), square.cache_info() == square.cache_info(), square.cache_info() is square.cache_info())


asyncio.run(main())
