# Generator functions: lazy bodies, yield as a statement and an expression, return values in
# StopIteration, infinite generators, generators consumed by builtins and by coroutines.
import asyncio


def countdown(n):
    print("starting", n)
    while n > 0:
        yield n
        n -= 1
    return "done"


def pairs(items):
    for i, item in enumerate(items):
        got = yield i, item
        print("sent back:", got)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def evens(limit):
    for x in range(limit):
        if x % 2:
            continue
        try:
            yield x * 10
        except ValueError:
            print("never")


gen = countdown(3)
print(gen.__class__.__name__, type(gen).__name__)
print(list(gen), list(gen))
print(sum(countdown(4)), max(countdown(2)), sorted(countdown(3)))
for i, item in pairs("ab"):
    print(i, item)
f = fib()
print([next(f) for _ in range(10)])
print(next(countdown(0), "empty"))
print(list(evens(7)), dict(pairs("xy")))
print(*countdown(2))
g = countdown(1)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e)


def lines():
    yield
    yield (yield 1)
    x = yield
    print("x is", x)


print(list(lines()))


async def consumer():
    total = 0
    for n in countdown(3):
        await asyncio.sleep(n / 10)
        total += n
        print("consumed", n)
    return total


async def main():
    print(await asyncio.gather(consumer(), consumer()))


asyncio.run(main())
