# `async with`: __aenter__ and __aexit__ awaited, a lock-like manager shared by tasks, times on the
# program's clock, and the errors CPython gives for a wrong manager.
import asyncio


class SlowLock:
    def __init__(self, name):
        self.name = name
        self.holders = 0

    async def __aenter__(self):
        print(f"{self.name}: acquiring at {asyncio.get_event_loop().time() - start:.2f}")
        await asyncio.sleep(0.5)
        self.holders += 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.25)
        self.holders -= 1
        print(f"{self.name}: released ({exc_type.__name__ if exc_type else 'clean'})")
        return exc_type is KeyError


async def worker(lock, n):
    async with lock as held:
        print(f"worker {n} holds {held.name}, {held.holders} inside")
        await asyncio.sleep(n)
        if n == 2:
            raise KeyError(n)
    return n


class NotAwaitable:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *args):
        return False


class ExitNotAwaitable:
    async def __aenter__(self):
        return self

    def __aexit__(self, *args):
        return None


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


async def main():
    global start
    start = asyncio.get_event_loop().time()
    lock = SlowLock("lock")
    print(await asyncio.gather(worker(lock, 1), worker(lock, 2), worker(lock, 3)))
    try:
        async with SlowLock("failing"):
            raise RuntimeError("inside")
    except RuntimeError as e:
        print("propagated:", e)
    for manager in (NotAwaitable(), ExitNotAwaitable(), SyncOnly(), 7):
        try:
            async with manager:
                print("body ran for", type(manager).__name__)
        except TypeError as e:
            print("TypeError", e)
    try:
        with SlowLock("sync"):
            pass
    except TypeError as e:
        print("TypeError", e)
    print(f"done at {asyncio.get_event_loop().time() - start:.2f}")


asyncio.run(main())
