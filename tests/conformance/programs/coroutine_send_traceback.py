# An exception thrown into a coroutine driven by send(), stopped in an await two coroutines deep and not
# caught there: the uncaught traceback shows throw()'s line, each coroutine's await and asyncio.sleep's
# own frames, as CPython prints them.
import asyncio


async def leaf():
    await asyncio.sleep(0)


async def middle():
    await leaf()


c = middle()
c.send(None)
print("stopped in leaf's await")
c.throw(KeyError("thrown in"))
