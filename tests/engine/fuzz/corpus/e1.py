import asyncio

async def worker(name, delay):
    try:
        print(f"{name} start")
        await asyncio.sleep(delay)
        print(f"{name} done")
        return name.upper()
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    finally:
        print(f"{name} finally")

async def failing():
    await asyncio.sleep(0.5)
    raise ValueError("bad thing")

async def main():
    t1 = asyncio.create_task(worker("a", 1))
    t2 = asyncio.create_task(worker("b", 2), name="bee")
    await asyncio.sleep(0)
    print(t1.get_name(), t2.get_name(), t1.done())
    await asyncio.sleep(1.5)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 was cancelled", t2.cancelled())
    print(await t1, t1.result())
    try:
        r = await asyncio.gather(worker("c", 1), failing())
    except ValueError as e:
        print("gather failed:", e, repr(e))
    r = await asyncio.gather(worker("d", 1), failing(), return_exceptions=True)
    print(r)
    xs = [i * i for i in range(5) if i % 2 == 0]
    print(xs, len(xs), xs[-1], xs[1:], sum(xs))
    a, *b = [1, 2, 3]
    print(a, b, (1,), (), [], 1.5e-7, 10 ** 20 if False else 2 ** 40, -7 // 2, -7 % 3, 7 / 2)
    print("x", "y", sep="-", end="!\n")
    for i, ch in enumerate("abc"):
        if ch == "b":
            continue
        print(i, ch)
    n = 0
    while True:
        n += 1
        if n > 3:
            break
    print(n, n > 2 and "big" or "small", not n, 1 < n < 10)
    left = asyncio.create_task(worker("left", 10))
    await asyncio.sleep(0.1)
    print("main returns")

asyncio.run(main())
print("after run")
