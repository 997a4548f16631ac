# enum.Enum's repr and its metaclass (type() of an Enum class is enum.EnumType), and asyncio's C++ classes by module name
import asyncio
import collections
import dataclasses
import enum
import sys
import typing
from asyncio import AbstractEventLoop, Future, Handle, Task


class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()


class Plain:
    pass


print(enum.Enum, enum.auto, Color, Color.RED)
print(type(Color), type(enum.Enum), type(Color) is type(enum.Enum), type(Plain))
print(isinstance(Color, type(Color)), isinstance(Plain, type(Color)), isinstance(Color, type))
print(collections.deque, collections.defaultdict, collections.Counter, collections.OrderedDict)
print(sys.stdout is sys.stdout, sys.stderr is sys.stdout, dataclasses.FrozenInstanceError, typing.NamedTuple.__name__)


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(asyncio.sleep(0))
    handle = loop.call_soon(print, "called soon")
    gathered = asyncio.gather(task)
    print(type(task), type(handle), type(loop), type(gathered), type(loop.create_future()))
    print(isinstance(task, Task), isinstance(task, Future), isinstance(handle, Handle), isinstance(loop, AbstractEventLoop))
    print(isinstance(gathered, Task), isinstance(handle, Task), isinstance(Color, Handle))
    print(asyncio.CancelledError, asyncio.InvalidStateError, asyncio.TimeoutError is TimeoutError)
    await gathered

    class Awaitable:
        def __await__(self):
            return gathered

    try:
        await Awaitable()
    except TypeError as e:
        print(type(e).__name__, e)


asyncio.run(main())
