# contextlib as learners use it around asyncio: suppress(CancelledError) after cancelling a task,
# @contextmanager timers and resources (setup, the value bound by `as`, teardown in finally, an
# exception handled or let out by the generator), nullcontext and closing, and the reprs and
# TypeErrors of CPython 3.11's contextlib.
import asyncio
import contextlib
import time
from contextlib import asynccontextmanager, closing, contextmanager, nullcontext, suppress


@contextmanager
def timed(label):
    start = time.perf_counter()
    print(f"{label}: start")
    try:
        yield label.upper()
    finally:
        print(f"{label}: {time.perf_counter() - start:.2f}s")


@contextmanager
def connection(name, retries=1, **options):
    print("open", name, retries, sorted(options.items()))
    try:
        yield {"name": name, "sent": []}
    except ConnectionError as e:
        print("handled inside:", repr(e))
    else:
        print("closed cleanly")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("close", self.name)


async def worker(n):
    try:
        await asyncio.sleep(n)
        return n
    finally:
        print("worker", n, "cleans up")


async def main():
    task = asyncio.create_task(worker(5))
    await asyncio.sleep(1)
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    print("cancelled:", task.cancelled())

    with timed("gather") as label:
        print("label is", label)
        results = await asyncio.gather(worker(1), worker(2))
    print(results)

    with connection("db", 3, timeout=1.5) as conn:
        conn["sent"].append(1)
        await asyncio.sleep(0.5)
    with connection("cache") as conn:
        raise ConnectionResetError("peer reset")
    print("after the handled error", conn)

    try:
        with timed("failing"):
            await asyncio.sleep(0.25)
            raise KeyError("missing")
    except KeyError as e:
        print("let out:", repr(e))

    with suppress(KeyError, IndexError) as nothing:
        print("nothing bound:", nothing)
        [][3]
    with suppress():
        print("suppress() suppresses nothing")
    try:
        with suppress(ValueError):
            {}["k"]
    except KeyError as e:
        print("not suppressed:", repr(e))

    with nullcontext(42) as value, nullcontext() as none:
        print(value, none)
    with closing(Resource("socket")) as r:
        print("using", r.name)
    try:
        with closing(Resource("file")):
            1 / 0
    except ZeroDivisionError:
        print("closed before the error went on")

    manager = timed("reused")
    print(type(manager).__name__, isinstance(manager, contextlib._GeneratorContextManager), callable(manager))
    print(timed.__name__, timed.__wrapped__.__name__, type(manager.gen).__name__)
    with manager:
        pass
    try:
        with manager:
            pass
    except AttributeError as e:
        print(e)
    print(type(suppress()), type(closing(None)).__name__, isinstance(nullcontext(), nullcontext), isinstance(suppress(), closing))
    print(suppress(KeyError)._exceptions, nullcontext(1).enter_result, closing(7).thing)
    for bad in (lambda: timed(), lambda: timed("a", "b"), lambda: suppress(x=1), lambda: closing(),
                lambda: nullcontext(1, 2), lambda: contextmanager()):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    try:
        with suppress(1):
            raise KeyError
    except TypeError as e:
        print("TypeError:", e)
    s = suppress(OSError)
    print(s.__enter__(), s.__exit__(None, None, None), s.__exit__(FileNotFoundError, FileNotFoundError(), None),
          s.__exit__(KeyError, KeyError(), None))


class Pool:
    def __init__(self):
        self.free = 2

    @contextmanager
    def lease(self, n=1, *, label="lease"):
        self.free -= n
        try:
            yield (self, label)
        finally:
            self.free += n

    @asynccontextmanager
    async def alease(self):
        self.free -= 1
        try:
            await asyncio.sleep(0.1)
            yield self
        finally:
            self.free += 1


async def methods_and_edges():
    pool = Pool()
    with pool.lease(2, label="both") as (p, label):
        print(p is pool, label, pool.free, type(pool.lease).__name__, Pool.lease.__qualname__, pool.lease.__name__)
    async with pool.alease() as p:
        print(p is pool, pool.free)
    print(pool.free)
    with suppress((ValueError, TypeError), KeyError):
        raise TypeError
    print(issubclass(TypeError, ((ValueError, (TypeError,)),)))
    odd = contextmanager(None)
    print(odd.__name__, odd.__qualname__, odd.__module__, odd.__doc__)

    def raw():
        yield
    raw.custom = 42
    a, b = contextmanager(raw), contextmanager(raw)
    print(a == b, a == a, len({a, b}), a.custom)
    m = timed("by hand")
    m.__enter__()
    try:
        m.__exit__(KeyError, KeyError(1), "not a traceback")
    except TypeError as e:
        print("TypeError:", e)
    m.__exit__(None, None, None)


asyncio.run(main())
asyncio.run(methods_and_edges())
