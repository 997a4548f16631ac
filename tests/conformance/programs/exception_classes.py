# Construct: exception classes — a program's hierarchy from Exception and asyncio.TimeoutError, caught by base, reprs, gather(return_exceptions=True), raise from, and an uncaught one ending the run.
import asyncio

class AppError(Exception):
    """Base of the app's errors."""

class RetryableError(AppError):
    pass

class FatalError(AppError):
    ...

class Timeout(asyncio.TimeoutError):
    pass

async def fetch(i):
    await asyncio.sleep(0.1 * i)
    if i == 1:
        raise RetryableError(f"try {i} again")
    if i == 2:
        raise FatalError("broken", i)
    return i

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(4)), return_exceptions=True)
    for r in results:
        print(repr(r), type(r).__name__, isinstance(r, AppError), isinstance(r, Exception))
    try:
        await fetch(1)
    except AppError as e:
        print("caught", e, e.args, type(e), AppError)
    print(issubclass(FatalError, AppError), issubclass(FatalError, Exception), issubclass(AppError, RetryableError))
    try:
        raise Timeout("slow")
    except asyncio.TimeoutError as e:
        print("timeout", repr(e))
    try:
        try:
            raise FatalError("inner")
        except FatalError as e:
            raise RetryableError("outer") from e
    except AppError as e:
        print(repr(e))
    await fetch(2)

asyncio.run(main())
