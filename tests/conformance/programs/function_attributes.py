# Construct: function attributes and docstrings: f.x set, read and deleted; __name__/__qualname__/
# __doc__/__module__/__wrapped__ set by hand (what reprs, coroutine names, task reprs and call errors then
# say); class and exception docstrings (own, never inherited); a class renamed; CPython's TypeErrors.
import asyncio

def counted(f):
    "Counts calls."
    def inner(*args):
        inner.calls += 1
        return f(*args)
    inner.calls = 0
    inner.__name__ = f.__name__
    inner.__qualname__ = "counted." + f.__qualname__
    inner.__doc__ = f.__doc__
    inner.__wrapped__ = f
    return inner

@counted
def add(a, b):
    """Adds two numbers."""
    return a + b

class Worker:
    """A worker."""
    def run(self):
        "Runs."
        return 1

class Plain:
    pass

class Oops(Exception):
    """My error."""

print(add(1, 2), add(3, 4), add.calls)
print(add.__name__, add.__qualname__, add.__doc__, add.__module__)
print(add)
print(add.__wrapped__)
print(counted.__doc__, Worker.__doc__, Worker().__doc__, Plain.__doc__, Oops.__doc__, Oops().__doc__)
print(Worker.run.__doc__, Worker().run.__doc__, Worker().run.__name__, Worker().run.__qualname__)
lam = lambda: "x"
print(lam.__doc__, lam.__name__)
del add.calls
try:
    add.calls
except AttributeError as e:
    print(e)
try:
    add.__name__ = 5
except TypeError as e:
    print(e)
try:
    Worker.__name__ = 5
except TypeError as e:
    print(e)
Worker.__name__ = "Renamed"
print(Worker, Worker())

async def job():
    await asyncio.sleep(0.1)
job.__qualname__ = "better_job"
async def main():
    t = asyncio.create_task(job())
    print(t)
    await t
    c = job()
    print(c)
    await c
    job.__module__ = "mod"
    try:
        add(*[1], **{"a": 1})
    except TypeError as e:
        print(e)
    try:
        job(**[1])
    except TypeError as e:
        print(e)
asyncio.run(main())
