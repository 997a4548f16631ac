# raise ... from ...: __cause__, __context__ and __suppress_context__, and the chained traceback
# CPython prints ("The above exception was the direct cause ..."), in a task and at the top.
import asyncio


class FetchError(Exception):
    pass


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    try:
        {"a": 1}[f"key{n}"]
    except KeyError as e:
        if n == 1:
            raise FetchError(f"fetch {n} failed") from e
        if n == 2:
            raise FetchError(f"fetch {n} failed") from None
        raise FetchError(f"fetch {n} failed")


async def main():
    for n in (1, 2, 3):
        try:
            await fetch(n)
        except FetchError as e:
            print(n, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    try:
        raise ValueError("plain")
    except ValueError as e:
        print(e.__cause__, e.__context__, e.__suppress_context__)
    loop_error = RuntimeError("loop")
    try:
        raise loop_error from loop_error
    except RuntimeError as e:
        print(e.__cause__ is e)
    task = asyncio.create_task(fetch(1))
    await asyncio.sleep(1)
    try:
        await task
    except FetchError as e:
        print("from the task:", e, "caused by", repr(e.__cause__))
    await fetch(1)


asyncio.run(main())
