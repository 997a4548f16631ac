# dir(): the module's and a function's names (cells, free variables, names not yet bound), a program's instances and classes (annotations, inheritance, deleted attributes), builtin values, types and exceptions, and its argument errors
import asyncio

print(dir())
counter = 0


def outer(a, b=2, *args, **kwargs):
    kept = 3

    def inner():
        return kept + a

    print(dir())
    later = 4
    print(dir())
    return inner


print(dir(outer(1)), outer.__name__)


class Shape:
    """A shape."""
    sides: int = 0

    def area(self):
        return 0

    @property
    def name(self):
        return "shape"

    @staticmethod
    def unit():
        return 1


class Square(Shape):
    def __init__(self, side):
        self.side = side
        self.tmp = 1
        del self.tmp

    def area(self):
        return self.side ** 2


sq = Square(3)
sq.colour = "red"
print(dir(sq))
print(dir(Square) == dir(Shape) + [] or dir(Square))
print([n for n in dir(sq) if not n.startswith("__")], len(dir(object())) if False else "-")


def tagged():
    pass


tagged.calls = 0
print(dir(tagged)[-3:], "calls" in dir(tagged))
print(dir(1) == dir(int), dir(True) == dir(bool), dir("s") == dir(str), dir([])[-5:], dir({})[-4:], dir(None)[:4])
print(dir((1,))[-2:], dir({1})[-3:], dir(range(3))[-4:], dir(1.5)[-4:], dir(len)[-4:], dir([].append) == dir(len))
err = ValueError("bad")
err.hint = "check"
print(dir(err)[-5:])


class AppError(Exception):
    code = 7

    def describe(self):
        return "app"


print(dir(AppError("x"))[-6:], dir(AppError)[-6:], dir(KeyError)[-4:])


async def worker():
    local_value = 1
    print(sorted(dir()))
    await asyncio.sleep(0)


async def main():
    task = asyncio.create_task(worker())
    print(dir(task)[-6:], dir(asyncio.get_running_loop().create_future())[-4:])
    await task
    coro = worker()
    print(dir(coro)[-5:])
    coro.close()
    print(dir(x for x in "ab")[-5:])


asyncio.run(main())
for call in (lambda: dir(1, 2), lambda: dir(object=1)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(set(dir()) - {"counter"})[-6:])
