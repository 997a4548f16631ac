# loop.call_exception_handler as asyncio's default handler logs a context (message, other keys sorted,
# the exception's traceback), and the loop's shutdown_asyncgens/shutdown_default_executor coroutines
# conformance: whole stderr
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({"message": "something odd", "zeta": 1, "alpha": [1, 2]})
    loop.call_exception_handler({})
    try:
        raise ValueError("bad value")
    except ValueError as e:
        loop.call_exception_handler({"message": "caught", "exception": e, "task": asyncio.current_task()})
    loop.call_exception_handler({"exception": KeyError("never raised")})
    await loop.shutdown_asyncgens()
    await loop.shutdown_default_executor()
    print("done")

asyncio.run(main())
