# Asynchronous comprehensions: list and dict ones over asynchronous generators, mixed with plain for clauses, nested, with conditions and awaits, and CPython's TypeError for a list (a tuple to CPython's optimiser).
import asyncio

async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.1)
        yield n
        n -= 1

async def pairs():
    for k in "abc":
        yield k, ord(k)

async def main():
    print([x async for x in countdown(3)])
    print({k: v async for k, v in pairs() if v > 97})
    print([x * y async for x in countdown(2) for y in range(3)])
    print([y async for x in countdown(2) async for y in countdown(x)])
    print([x async for x in countdown(4) if x % 2 == 0])
    async def slow(v):
        await asyncio.sleep(0.05)
        return v
    print([await slow(x) async for x in countdown(2)])
    try:
        print([x async for x in [1, 2]])
    except TypeError as e:
        print(e)

asyncio.run(main())
