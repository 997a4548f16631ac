# Learner program: a memoizing decorator caching coroutine results in a dict keyed by arguments — decorators, tuples as keys, **kwargs, hash of tuples.
import asyncio

def cached(fn):
    cache = {}
    async def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key in cache:
            print("hit", fn.__name__, args, kwargs)
            return cache[key]
        print("miss", fn.__name__, args, kwargs)
        cache[key] = result = await fn(*args, **kwargs)
        return result
    return wrapper

@cached
async def square(n, *, slow=False):
    await asyncio.sleep(0.2 if slow else 0.1)
    return n * n

async def main():
    print(await square(4), await square(4), await square(4, slow=True))
    values = await asyncio.gather(square(2), square(3), square(2))
    print(values, hash((1, 2)) == hash((1, 2)), {(1, "a"): 1}[(1, "a")])

asyncio.run(main())
