# `async for` over a program's asynchronous iterators (__aiter__, an async __anext__ raising
# StopAsyncIteration): ticks on the program's clock, break, continue, return, errors in the body,
# two loops interleaving under gather, and CPython's TypeErrors for a wrong iterator.
import asyncio


class Ticker:
    def __init__(self, name, count, every):
        self.name = name
        self.count = count
        self.every = every
        self.sent = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.sent == self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.every)
        self.sent += 1
        return self.name, self.sent


class Pages:
    def __init__(self, pages):
        self.pages = pages

    def __aiter__(self):
        return PageCursor(self.pages)


class PageCursor:
    def __init__(self, pages):
        self.pages = list(pages)

    async def __anext__(self):
        await asyncio.sleep(0)
        if not self.pages:
            raise StopAsyncIteration("no more")
        return self.pages.pop(0)


async def watch(name, count, every):
    seen = []
    async for who, n in Ticker(name, count, every):
        if n == 2:
            continue
        seen.append(n)
        print(f"{who} tick {n} at {asyncio.get_running_loop().time() - start:.2f}")
    return seen


async def first_big(pages):
    async for page in Pages(pages):
        if len(page) > 3:
            return page
    return None


class Bad:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


class NoNext:
    def __aiter__(self):
        return "text"


start = 0.0


async def main():
    global start
    start = asyncio.get_running_loop().time()
    print(await asyncio.gather(watch("fast", 4, 0.25), watch("slow", 3, 0.4)))
    print(await first_big(["a", "bb", "cccc", "dd"]), await first_big(["x"]))
    async for page in Pages(["p1", "p2", "p3"]):
        if page == "p2":
            break
        print("page", page)
    for obj in (Bad(), NoNext(), [1, 2], Pages):
        try:
            async for item in obj:
                print("never", item)
        except TypeError as e:
            print("TypeError", e)
    try:
        async for who, n in Ticker("boom", 3, 0.1):
            raise ValueError(f"body failed at {n}")
    except ValueError as e:
        print(e)


asyncio.run(main())
