# @asynccontextmanager as CPython 3.11's contextlib runs it: setup and teardown that await, the value
# `as` binds, an exception from the block thrown in (handled, let out, turned into another), a
# generator that does not yield or does not stop, a task cancelled inside the block (its teardown
# runs), `async with nullcontext()`, and an error let out of the last block ending the program.
import asyncio
from contextlib import asynccontextmanager, nullcontext

@asynccontextmanager
async def session(name):
    print("open", name)
    await asyncio.sleep(0.5)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0.25)
        print("close", name)

@asynccontextmanager
async def guard():
    try:
        yield
    except KeyError as e:
        print("guard handled", repr(e))

@asynccontextmanager
async def converts():
    try:
        yield
    except ValueError as e:
        raise RuntimeError("converted") from e

@asynccontextmanager
async def no_yield():
    if False:
        yield

@asynccontextmanager
async def twice():
    yield 1
    yield 2

async def worker(n):
    async with session(f"w{n}") as s:
        print("worker", n, "in", s)
        await asyncio.sleep(n)
    return n

async def attempt(label, cm, error=None):
    try:
        async with cm as v:
            print(label, "body", v)
            if error is not None:
                raise error
        print(label, "went on")
    except BaseException as e:
        print(label, "->", type(e).__name__, e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

async def main():
    print(await asyncio.gather(worker(1), worker(2)))
    await attempt("guard", guard(), KeyError("k"))
    await attempt("guard other", guard(), ValueError("v"))
    await attempt("converts", converts(), ValueError("v"))
    await attempt("no_yield", no_yield())
    await attempt("twice", twice())
    await attempt("stop", guard(), StopAsyncIteration())
    t = asyncio.create_task(worker(5))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    m = session("x")
    print(type(m).__name__, m, session, session.__name__, callable(m))
    async with nullcontext(7) as seven, nullcontext():
        print("nullcontext", seven)
    async with session("last"):
        raise KeyError("end")

asyncio.run(main())
