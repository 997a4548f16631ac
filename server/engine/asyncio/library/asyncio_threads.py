#@module asyncio.threads /usr/lib/python3.11/asyncio/threads.py
# asyncio.to_thread, written for loopscope after the semantics of CPython 3.11's Lib/asyncio/threads.py:
# func(*args, **kwargs) runs in a worker thread of the loop's default executor, which the engine
# models (server/engine/asyncio/executor.cpp). The engine has no context variables: _context_call(func,
# args, kwargs) is the partial that CPython makes of ctx.run, func and the arguments.
# Marks as in asyncio_locks.py.

__all__ = ('to_thread',)

from asyncio import get_running_loop as _get_running_loop


# What CPython's lines name by module (asyncio.events)
class events:
    get_running_loop = _get_running_loop


async def to_thread(func, /, *args, **kwargs):  #@ 12
    loop = events.get_running_loop()  #@ 22
    func_call = _context_call(func, args, kwargs)
    return await loop.run_in_executor(None, func_call)  #@ 25
